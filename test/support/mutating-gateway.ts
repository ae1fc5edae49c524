/**
 * A gateway in front of a real one that changes some answers: every call is forwarded to the upstream (metadata
 * included) and `mutate` may rewrite a response message or turn the call into an error. Tests use it to prove that
 * a check catches a gateway that answers wrongly.
 */
import * as grpc from '@grpc/grpc-js';
import { createGatewayClientConstructor, loadGatewayDefinition } from '../../proto/index.js';

/** What to do with one response message of `rpc`: a rewritten message, or an error status to answer instead. */
export type Mutation = (rpc: string, response: Record<string, unknown>) => Record<string, unknown> | { error: grpc.status };

/** Starts the mutating gateway on an ephemeral loopback port in front of `upstream`. */
export async function startMutatingGateway(upstream: string, mutate: Mutation): Promise<{ address: string; stop(): Promise<void> }> {
  const definition = loadGatewayDefinition();
  const Ctor = createGatewayClientConstructor();
  const client = new Ctor(upstream, grpc.credentials.createInsecure()) as grpc.Client & Record<string, (...args: unknown[]) => unknown>;
  const server = new grpc.Server();
  const handlers = Object.fromEntries(Object.entries(definition).map(([rpc, method]) => [rpc, method.responseStream ? streaming(client, rpc, mutate) : unary(client, rpc, mutate)]));
  server.addService(definition, handlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      client.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    },
  };
}

const failure = (code: grpc.status): Partial<grpc.StatusObject> => ({ code, details: 'mutated by the test gateway' });
const isError = (changed: ReturnType<Mutation>): changed is { error: grpc.status } => 'error' in changed && typeof changed['error'] === 'number';

function unary(client: Record<string, (...args: unknown[]) => unknown>, rpc: string, mutate: Mutation): grpc.handleUnaryCall<unknown, unknown> {
  return (call, callback) => {
    client[rpc]?.(call.request, call.metadata, (error: grpc.ServiceError | null, response: Record<string, unknown>) => {
      if (error) {
        callback(error);
        return;
      }
      const changed = mutate(rpc, response);
      if (isError(changed)) callback(failure(changed.error));
      else callback(null, changed);
    });
  };
}

function streaming(client: Record<string, (...args: unknown[]) => unknown>, rpc: string, mutate: Mutation): grpc.handleServerStreamingCall<unknown, unknown> {
  return (call) => {
    const upstream = client[rpc]?.(call.request, call.metadata) as grpc.ClientReadableStream<Record<string, unknown>>;
    call.on('cancelled', () => upstream.cancel());
    upstream.on('data', (message: Record<string, unknown>) => {
      const changed = mutate(rpc, message);
      if (isError(changed)) call.destroy(Object.assign(new Error('mutated'), failure(changed.error)));
      else call.write(changed);
    });
    upstream.on('error', (error: grpc.ServiceError) => call.destroy(error));
    upstream.on('end', () => call.end());
  };
}
