import { TargetConfigError, type Sourced } from './config-sources.js';

/** The gateway port Camunda clients assume when an address names only a host. */
export const DEFAULT_GATEWAY_PORT = 26500;

/** Schemes Camunda clients accept in front of an address, and whether each means TLS. */
const SCHEME_TLS: Readonly<Record<string, boolean>> = { grpc: false, grpcs: true, http: false, https: true };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/;
/** A host name or IPv4 address, or a bracketed IPv6 address; then an optional port. */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::(\d{1,5}))?$/;

/** A target address as grpc-js wants it (`host:port`), and the TLS choice its scheme made, if it had one. */
export interface ParsedAddress {
  readonly address: string;
  readonly schemeTls: { readonly value: boolean; readonly source: string } | undefined;
}

/** Parses `host[:port]`, optionally behind `grpc://`, `grpcs://`, `http://` or `https://` (a trailing `/` is allowed). */
export function parseAddress(raw: Sourced): ParsedAddress {
  const fail = (why: string): TargetConfigError => new TargetConfigError(`${raw.source} '${raw.value}' ${why}`);
  let rest = raw.value;
  let schemeTls: ParsedAddress['schemeTls'];
  const withScheme = SCHEME.exec(rest);
  if (withScheme) {
    const scheme = (withScheme[1] ?? '').toLowerCase();
    const tls = SCHEME_TLS[scheme];
    if (tls === undefined) throw fail(`has scheme ${scheme}://; use host:port, or grpc://, grpcs://, http:// or https://`);
    schemeTls = { value: tls, source: `the ${scheme}:// of ${raw.source}` };
    rest = (withScheme[2] ?? '').replace(/\/$/, '');
  }
  const hostPort = HOST_PORT.exec(rest);
  const host = hostPort?.[1];
  if (!hostPort || host === undefined) throw fail('is not host:port');
  const port = hostPort[2] === undefined ? DEFAULT_GATEWAY_PORT : Number(hostPort[2]);
  if (port < 1 || port > 65535) throw fail(`has port ${port}, outside 1-65535`);
  return { address: `${host}:${port}`, schemeTls };
}
