import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Failure } from '../failure.js';

/** Trailing-metadata key that names the catalogue rule behind a rejection (for tests and reports). */
export const RULE_ID_TRAILER = 'zeebe-conformance-rule';

/** The one place status names become gRPC codes. */
export function toServiceError(f: Failure): Partial<ServiceError> {
  const metadata = new Metadata();
  if (f.ruleId !== undefined) metadata.set(RULE_ID_TRAILER, f.ruleId);
  return { code: status[f.status], details: f.details, message: f.details, metadata };
}
