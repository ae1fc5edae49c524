import {
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { loadGatewayDefinition } from '../../proto/load.js';
import { RPC_NAMES, type RpcName } from '../../rules/index.js';
import type { Gateway } from '../gateway/gateway.js';
import type { EngineOptions } from '../options.js';
import { failure } from '../failure.js';
import { toServiceError } from './status.js';
import { ListenError } from '../listen-error.js';

/** A bound gRPC server. */
export interface BoundServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** Binds every method of `gateway_protocol.Gateway` to the gateway layer and starts listening. */
export async function bindServer(options: EngineOptions, gateway: Gateway): Promise<BoundServer> {
  const server = new Server({
    'grpc.max_receive_message_length': options.maxMessageSize,
    'grpc.max_send_message_length': -1,
  });
  const definition = loadGatewayDefinition();
  server.addService(definition, implementation(definition, gateway));
  const credentials = options.tls
    ? ServerCredentials.createSsl(null, [{ cert_chain: options.tls.cert, private_key: options.tls.key }], false)
    : ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) => {
    const address = `${options.host}:${options.port}`;
    server.bindAsync(address, credentials, (error, bound) => {
      if (error) reject(new ListenError('gRPC', address, error));
      else resolve(bound);
    });
  });
  return { port, stop: () => shutdown(server) };
}

function implementation(definition: ServiceDefinition, gateway: Gateway): UntypedServiceImplementation {
  const handlers: UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(definition)) {
    const rpc = asRpc(name);
    handlers[name] = method.responseStream ? streamingHandler(rpc, gateway) : unaryHandler(rpc, gateway);
  }
  return handlers;
}

function unaryHandler(rpc: RpcName, gateway: Gateway) {
  return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void => {
    answer(rpc, gateway, call).then(
      (outcome) => {
        if (outcome.ok) callback(null, outcome.value);
        else callback(toServiceError(outcome.error));
      },
      (e: unknown) => {
        callback(toServiceError(internal(e)));
      },
    );
  };
}

/** Until the state machine streams, a server-streaming RPC sends its one response message, then OK. */
function streamingHandler(rpc: RpcName, gateway: Gateway) {
  return (call: ServerWritableStream<unknown, unknown>): void => {
    answer(rpc, gateway, call).then(
      (outcome) => {
        if (!outcome.ok) {
          call.emit('error', toServiceError(outcome.error));
          return;
        }
        call.write(outcome.value);
        call.end();
      },
      (e: unknown) => call.emit('error', toServiceError(internal(e))),
    );
  };
}

function answer(rpc: RpcName, gateway: Gateway, call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>) {
  const [authorization] = call.metadata.get('authorization');
  return gateway({ rpc, request: call.request, authorization: typeof authorization === 'string' ? authorization : undefined });
}

/** Anything unexpected is INTERNAL, as in the real gateway; the engine keeps serving. */
function internal(e: unknown) {
  return failure('INTERNAL', `Unexpected error: ${e instanceof Error ? e.message : String(e)}`);
}

function asRpc(name: string): RpcName {
  const rpc = RPC_NAMES.find((n) => n === name);
  if (!rpc) throw new Error(`gateway.proto has method '${name}', which the rules catalogue does not know`);
  return rpc;
}

function shutdown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Open streams would hold a graceful shutdown forever: cut them after a grace period.
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, 2000);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
