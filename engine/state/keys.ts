/** Keys encode their partition in the bits above 51, as in the real gateway: `(partition << 51) + n`. */
const PARTITION_SHIFT = 51n;

/** Hands out keys per partition. */
export interface KeyGenerator {
  next(partition: number): string;
  /** Whether this generator has handed out `key` (what tells an ended entity from one that never was). */
  issued(key: string): boolean;
}

/** A generator whose counters start at 1 on every partition (the first key on partition 1 is 2251799813685249). */
export function createKeyGenerator(): KeyGenerator {
  const counters = new Map<number, bigint>();
  return {
    next: (partition) => {
      const n = (counters.get(partition) ?? 0n) + 1n;
      counters.set(partition, n);
      return String((BigInt(partition) << PARTITION_SHIFT) + n);
    },
    issued: (key) => {
      const value = BigInt(key);
      const partition = Number(value >> PARTITION_SHIFT);
      const n = value - (BigInt(partition) << PARTITION_SHIFT);
      return n >= 1n && n <= (counters.get(partition) ?? 0n);
    },
  };
}

/** The partition a key belongs to. */
export function partitionOfKey(key: string): number {
  return Number(BigInt(key) >> PARTITION_SHIFT);
}
