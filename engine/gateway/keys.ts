import type { Check } from './check.js';
import { violation } from '../violation.js';

/** Keys encode their partition in the bits above 51, as in the real gateway. */
export const PARTITION_BITS = 51n;

/** The partition a key belongs to. */
export function partitionOf(key: string): bigint {
  return BigInt(key) >> PARTITION_BITS;
}

/** A key whose partition does not exist cannot name any entity: the gateway cannot route it. */
export function keyPartitionCheck<R>(pick: (request: R) => string): Check<R> {
  return (request, context) => {
    const partition = partitionOf(pick(request));
    if (partition >= 1n && partition <= BigInt(context.partitions)) return undefined;
    return violation(
      'Gateway/NOT_FOUND/key-partition-unknown',
      `Expected to execute command on partition ${partition}, but either it does not exist, or the gateway is not yet aware of it`,
    );
  };
}
