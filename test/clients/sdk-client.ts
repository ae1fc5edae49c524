import { Camunda8 } from '@camunda8/sdk';

/** The `@camunda8/sdk` gRPC client the client tests use. */
export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** An `@camunda8/sdk` gRPC client of `address` without OAuth or TLS, quiet, not retrying, its workers polling every 50 ms. */
export function sdkClient(address: string): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SECURE_CONNECTION: false,
    CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false, ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 50 },
  }).getZeebeGrpcApiClient();
}
