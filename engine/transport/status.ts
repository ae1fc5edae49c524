import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Failure } from '../failure.js';

/** Trailing-metadata key that names the catalogue rule behind a rejection (for tests and reports). */
export const RULE_ID_TRAILER = 'zeebe-conformance-rule';

/** Details echo request values; HTTP/2 peers refuse trailers much beyond 8 KiB, so longer details are cut. */
export const MAX_DETAILS_LENGTH = 4096;

/** The one place status names become gRPC codes. */
export function toServiceError(f: Failure): Partial<ServiceError> {
  const metadata = new Metadata();
  if (f.ruleId !== undefined) metadata.set(RULE_ID_TRAILER, f.ruleId);
  const details = sendable(f.details);
  return { code: status[f.status], details, message: details, metadata };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Well-formed UTF-16 (a lone surrogate cannot be encoded) and short enough for a trailer. */
function sendable(details: string): string {
  const whole = details.replace(LONE_SURROGATE, '\uFFFD');
  if (whole.length <= MAX_DETAILS_LENGTH) return whole;
  const cut = whole.slice(0, MAX_DETAILS_LENGTH - 40).replace(LONE_SURROGATE, '\uFFFD');
  return `${cut}... (${whole.length - cut.length} more characters)`;
}
