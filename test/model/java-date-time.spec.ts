/** User task dates as real Zeebe writes them: `ZonedDateTime.parse(text).toString()`, Java's own format. */
import assert from 'node:assert/strict';
import { javaZonedDateTime } from '../../engine/model/java-date-time.js';

const CASES: readonly (readonly [string, string | undefined])[] = [
  ['2026-12-01T10:00:00Z', '2026-12-01T10:00Z'],
  ['2027-01-01T09:00:00+01:00', '2027-01-01T09:00+01:00'],
  ['2023-03-02T15:35+02:00', '2023-03-02T15:35+02:00'],
  ['2023-03-02T15:35:07Z', '2023-03-02T15:35:07Z'],
  ['2023-03-02T15:35:07.5Z', '2023-03-02T15:35:07.500Z'],
  ['2023-03-02T15:35:00.000123+00:00', '2023-03-02T15:35:00.000123Z'],
  ['2023-03-02T15:35:00.123456789-05:30', '2023-03-02T15:35:00.123456789-05:30'],
  ['2023-03-02T15:35:00.000+01:00', '2023-03-02T15:35+01:00'],
  ['2023-01-01T10:00+01:00[Europe/Berlin]', '2023-01-01T10:00+01:00[Europe/Berlin]'],
  ['2023-01-01T10:00Z[UTC]', '2023-01-01T10:00Z[UTC]'],
  ['2023-01-01T10:00+0100', undefined],
  ['2023-01-01T10:00:00', undefined],
  ['2023-13-01T10:00:00Z', undefined],
  ['tomorrow', undefined],
];

describe('user task dates as Java prints them', () => {
  for (const [text, expected] of CASES) {
    it(`${text} → ${expected ?? 'not a date-time'}`, () => {
      assert.equal(javaZonedDateTime(text), expected);
    });
  }
});
