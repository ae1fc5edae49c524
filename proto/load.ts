/**
 * Loader for the kit's own Zeebe gateway proto (proto/gateway.proto).
 *
 * The .proto file ships next to the sources (package "files": dist + proto), while compiled code lives in
 * dist/proto/. PROTO_PATH is therefore found by walking up from this module to the package root that holds
 * proto/gateway.proto, which works from source (tsx) and from dist alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { PackageDefinition } from '@grpc/proto-loader';

/** Fully qualified name of the gateway service, as used in method paths `/gateway_protocol.Gateway/<Rpc>`. */
export const GATEWAY_SERVICE = 'gateway_protocol.Gateway';

/** Walks up from `start` to the first directory containing proto/gateway.proto and returns that file's path. */
function findProtoFile(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'proto', 'gateway.proto');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`proto/gateway.proto not found above ${start}`);
    dir = parent;
  }
}

/** Absolute path of proto/gateway.proto in this package. */
export const PROTO_PATH: string = findProtoFile(dirname(fileURLToPath(import.meta.url)));

/** @grpc/proto-loader options used everywhere in the kit: original field names, int64 as strings, enums as names. */
export const LOADER_OPTIONS: Readonly<protoLoader.Options> = Object.freeze({
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

/** Lazily loaded package definition (computed once, never reassigned afterwards). */
let packageDefinition: PackageDefinition | undefined;

/** Returns the proto-loader package definition of gateway.proto, loading it on first use. */
export function loadGatewayPackageDefinition(): PackageDefinition {
  packageDefinition ??= protoLoader.loadSync(PROTO_PATH, { ...LOADER_OPTIONS });
  return packageDefinition;
}

/** Returns the grpc-js service definition of `gateway_protocol.Gateway` (for `server.addService`). */
export function loadGatewayDefinition(): grpc.ServiceDefinition {
  const definition = loadGatewayPackageDefinition()[GATEWAY_SERVICE];
  // Message and enum definitions carry a `format` field; a service definition is a plain map of methods.
  if (definition === undefined || 'format' in definition) {
    throw new Error(`${GATEWAY_SERVICE} is not a service in ${PROTO_PATH}`);
  }
  return definition;
}

/** Returns the grpc-js client constructor for `gateway_protocol.Gateway` (for tests and suites). */
export function createGatewayClientConstructor(): grpc.ServiceClientConstructor {
  const root = grpc.loadPackageDefinition(loadGatewayPackageDefinition());
  const pkg = root['gateway_protocol'];
  const ctor = pkg !== undefined && !('format' in pkg) && typeof pkg !== 'function' ? pkg['Gateway'] : undefined;
  if (typeof ctor !== 'function') {
    throw new Error(`${GATEWAY_SERVICE} has no client constructor in ${PROTO_PATH}`);
  }
  return ctor;
}
