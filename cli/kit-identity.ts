import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kit's own name and version, from the package.json above this module (source or dist alike). */
export function kitIdentity(): { name: string; version: string } {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string };
      return { name: pkg.name, version: pkg.version };
    }
  }
  return { name: 'zeebe-conformance-kit', version: 'unknown' };
}
