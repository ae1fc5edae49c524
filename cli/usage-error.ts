/** A mistake by the user (bad flag, bad config, unreachable target): one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
