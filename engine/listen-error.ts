/** The engine could not listen where it was told to (port taken, unknown host, no permission). */
export class ListenError extends Error {
  override readonly name = 'ListenError';

  constructor(what: string, address: string, cause: unknown) {
    super(`cannot listen for ${what} on ${address}: ${reasonOf(cause)}`, { cause });
  }
}

function reasonOf(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/EADDRINUSE|No address added/.test(message)) return 'address already in use (or not available)';
  if (/EACCES/.test(message)) return 'permission denied';
  if (/Name resolution failed|ENOTFOUND|EADDRNOTAVAIL/.test(message)) return 'no such local address';
  return message.split('\n')[0] ?? message;
}
