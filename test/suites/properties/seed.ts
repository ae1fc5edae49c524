/** The seed of the property tests: PROPERTY_SEED pins it (a failure prints the seed and path that replay it). */
export function propertySeed(): number {
  const pinned = process.env['PROPERTY_SEED'];
  return pinned === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(pinned);
}

/** Partitions of the test engines: 2, so that partition 3 is the first one that does not exist. */
export const PARTITIONS = 2;
