import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { envBoolean, fromEnv, fromFlag, oneLine, TargetConfigError, type Sourced } from './config-sources.js';

/** The TLS part of a target: trusted CA and client certificate (all PEM), each optional. */
export interface TlsSettings {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

/** The TLS flags (`--tls`, `--insecure`, `--ca`, `--cert`, `--key`). */
export interface TlsFlags {
  readonly tls?: boolean;
  readonly insecure?: boolean;
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
}

type Choice = { readonly value: boolean; readonly source: string };
/** Where the address came from, and the TLS choice its scheme made. */
export interface SchemeChoice {
  readonly fromFlag: boolean;
  readonly choice: Choice | undefined;
}

/**
 * TLS on or off, and its files. Flags (`--tls`, `--insecure`, a scheme in `--target`) override the environment
 * (a scheme in `ZEEBE_ADDRESS`, `ZEEBE_INSECURE_CONNECTION`, `CAMUNDA_SECURE_CONNECTION`); choices that contradict
 * each other within one of the two are a mistake. Without any choice, a CA or client certificate implies TLS.
 */
export function resolveTls(flags: TlsFlags, env: NodeJS.ProcessEnv, scheme: SchemeChoice): TlsSettings | undefined {
  if (flags.tls === true && flags.insecure === true) throw new TargetConfigError('--tls and --insecure contradict each other; pass one');
  const flagLayer = agreed([
    flags.tls === true ? { value: true, source: '--tls' } : undefined,
    flags.insecure === true ? { value: false, source: '--insecure' } : undefined,
    scheme.fromFlag ? scheme.choice : undefined,
  ]);
  const insecure = envBoolean(env, 'ZEEBE_INSECURE_CONNECTION');
  const envLayer = agreed([
    scheme.fromFlag ? undefined : scheme.choice,
    insecure && { value: !insecure.value, source: insecure.source },
    envBoolean(env, 'CAMUNDA_SECURE_CONNECTION'),
  ]);
  const files = tlsFiles(flags, env);
  const given = [files.ca, files.cert, files.key].filter((f): f is Sourced => f !== undefined);
  const decided = flagLayer ?? envLayer;
  if (decided?.value === false) {
    // Plaintext chosen by a flag leaves TLS files from the environment unused; any other TLS file contradicts it.
    const contradicting = given.find((f) => flagLayer === undefined || f.source.startsWith('--'));
    if (contradicting) throw new TargetConfigError(`${contradicting.source} is given, but ${decided.source} asks for plaintext`);
    return undefined;
  }
  if (decided === undefined && given.length === 0) return undefined;
  return loadTlsFiles(files);
}

/** The one choice a layer makes, if any; a mistake when it makes two different ones. */
function agreed(choices: readonly (Choice | undefined)[]): Choice | undefined {
  const made = choices.filter((c): c is Choice => c !== undefined);
  const tls = made.find((c) => c.value);
  const plain = made.find((c) => !c.value);
  if (tls && plain) throw new TargetConfigError(`${tls.source} asks for TLS, but ${plain.source} for plaintext; drop one`);
  return made[0];
}

interface TlsFiles {
  readonly ca: Sourced | undefined;
  readonly cert: Sourced | undefined;
  readonly key: Sourced | undefined;
}

function tlsFiles(flags: TlsFlags, env: NodeJS.ProcessEnv): TlsFiles {
  const files: TlsFiles = {
    ca: fromFlag(flags.ca, '--ca') ?? fromEnv(env, 'ZEEBE_CA_CERTIFICATE_PATH', 'CAMUNDA_CUSTOM_ROOT_CERT_PATH'),
    cert: fromFlag(flags.cert, '--cert') ?? fromEnv(env, 'CAMUNDA_CUSTOM_CERT_CHAIN_PATH'),
    key: fromFlag(flags.key, '--key') ?? fromEnv(env, 'CAMUNDA_CUSTOM_PRIVATE_KEY_PATH'),
  };
  if (files.cert && !files.key) {
    throw new TargetConfigError(`a client certificate (${files.cert.source}) needs its private key: --key or CAMUNDA_CUSTOM_PRIVATE_KEY_PATH`);
  }
  if (files.key && !files.cert) {
    throw new TargetConfigError(`a client key (${files.key.source}) needs its certificate: --cert or CAMUNDA_CUSTOM_CERT_CHAIN_PATH`);
  }
  return files;
}

/** Reads the files and proves they load, so that a bad file is named now rather than failing every call later. */
function loadTlsFiles(files: TlsFiles): TlsSettings {
  const ca = files.ca && readCa(files.ca);
  if (!files.cert || !files.key) return { ...(ca && { ca }) };
  const cert = readPem(files.cert, 'client certificate');
  const key = readPem(files.key, 'client key');
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    throw new TargetConfigError(`the client certificate ${files.cert.value} and key ${files.key.value} do not load: ${oneLine(e)}`);
  }
  return { ...(ca && { ca }), cert, key };
}

function readCa(file: Sourced): Buffer {
  const ca = readPem(file, 'CA certificate');
  try {
    new X509Certificate(ca);
  } catch (e) {
    throw new TargetConfigError(`the CA certificate ${file.value} (${file.source}) is not a PEM certificate: ${oneLine(e)}`);
  }
  return ca;
}

function readPem(file: Sourced, what: string): Buffer {
  try {
    return readFileSync(file.value);
  } catch (e) {
    throw new TargetConfigError(`cannot read the ${what} ${file.value} (${file.source}): ${oneLine(e)}`);
  }
}
