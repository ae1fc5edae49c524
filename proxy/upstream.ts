import { connect, type ClientHttp2Session, type SecureClientSessionOptions } from 'node:http2';

/** Where the proxy forwards calls. */
export interface TargetOptions {
  readonly host: string;
  readonly port: number;
  /** TLS towards the target; `ca` trusts a private CA, `servername` overrides SNI. */
  readonly tls?: { readonly ca?: Buffer; readonly servername?: string } | undefined;
}

/** One HTTP/2 connection to the target, opened on demand and reopened after it failed or closed. */
export interface Upstream {
  session(): ClientHttp2Session;
  /** The last connection error (e.g. `connect ECONNREFUSED 127.0.0.1:26500`), for the status details. */
  lastError(): string | undefined;
  close(): void;
}

/** Creates the upstream connection holder (no connection until the first call). */
export function createUpstream(target: TargetOptions): Upstream {
  let current: ClientHttp2Session | undefined;
  let lastError: string | undefined;
  const url = `${target.tls ? 'https' : 'http'}://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  const options: SecureClientSessionOptions = target.tls ? { ...target.tls } : {};
  return {
    session() {
      if (current && !current.closed && !current.destroyed) return current;
      const session = connect(url, options);
      // Failures surface on each stream (as UNAVAILABLE to its client); the session error itself is expected.
      session.on('error', (e: Error) => (lastError = e.message));
      session.on('connect', () => (lastError = undefined));
      session.on('goaway', () => {
        if (current === session) current = undefined;
      });
      session.on('close', () => {
        if (current === session) current = undefined;
      });
      current = session;
      return session;
    },
    lastError: () => lastError,
    close() {
      current?.close();
      current = undefined;
    },
  };
}
