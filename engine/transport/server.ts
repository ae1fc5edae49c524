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
import { failure, type Failure } from '../failure.js';
import { err, ok, type Result } from '../result.js';
import type { ResponseSink } from '../state/machine.js';
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
    void settle(gateway.unary(callOf(rpc, call)), {
      send: (value) => {
        callback(null, value);
      },
      fail: (f) => {
        callback(toServiceError(f));
      },
    });
  };
}

/** Server streaming: the state machine writes through a sink and ends the call itself. */
function streamingHandler(rpc: RpcName, gateway: Gateway) {
  return (call: ServerWritableStream<unknown, unknown>): void => {
    const sink = sinkOf(call);
    void settle(gateway.stream(callOf(rpc, call), sink).then((failed) => (failed ? err(failed) : ok(undefined))), {
      send: () => undefined,
      fail: (f) => call.emit('error', toServiceError(f)),
    });
  };
}

/** Adapts a grpc-js server stream to the machine's sink; nothing is written once the client has gone. */
function sinkOf(call: ServerWritableStream<unknown, unknown>): ResponseSink {
  const listeners: (() => void)[] = [];
  let gone = false;
  call.once('cancelled', () => {
    gone = true;
    for (const listener of listeners.splice(0)) listener();
  });
  return {
    write: (message) => {
      if (!gone) call.write(message);
    },
    end: () => {
      if (!gone) call.end();
    },
    isCancelled: () => gone || call.cancelled,
    onCancel: (listener) => {
      if (gone) listener();
      else listeners.push(listener);
    },
  };
}

/**
 * Delivers an outcome. Nothing may escape as an unhandled rejection (it would kill a standalone engine): an
 * exception while computing becomes INTERNAL, one while sending is answered with INTERNAL if the call is still open.
 */
async function settle(outcome: Promise<Result<unknown, Failure>>, to: { send(value: unknown): void; fail(f: Failure): void }): Promise<void> {
  let result: Result<unknown, Failure>;
  try {
    result = await outcome;
  } catch (e) {
    result = err(internal(e));
  }
  try {
    if (result.ok) to.send(result.value);
    else to.fail(result.error);
  } catch (e) {
    try {
      to.fail(internal(e));
    } catch {
      // The call is gone; there is no one left to answer.
    }
  }
}

function callOf(rpc: RpcName, call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>) {
  const [authorization] = call.metadata.get('authorization');
  return { rpc, request: call.request, authorization: typeof authorization === 'string' ? authorization : undefined };
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
