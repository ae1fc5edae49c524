import assert from 'node:assert/strict';
import { nextCronTime, parseCron } from '../../engine/model/cron.js';
import { parseTimerCycle } from '../../engine/model/timer-values.js';

/** The next times of an expression after `from` (ISO), as ISO strings; 'none' when it never matches again. */
function nextTimes(expression: string, from: string, count: number): string[] {
  const parsed = parseCron(expression);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  const times: string[] = [];
  let at = Date.parse(from);
  for (let i = 0; i < count; i++) {
    const next = nextCronTime(parsed.value, at);
    if (next === undefined) return [...times, 'none'];
    times.push(new Date(next).toISOString().replace('.000Z', 'Z'));
    at = next;
  }
  return times;
}

/** [expression, after, the next times]; every time is UTC. */
const NEXT: readonly (readonly [string, string, readonly string[]])[] = [
  // the brief's examples; 2026-01-01 is a Thursday
  ['0 0 9-17 * * MON-FRI', '2026-01-02T16:30:00Z', ['2026-01-02T17:00:00Z', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z']],
  ['0 */5 * * * *', '2026-01-01T00:00:00Z', ['2026-01-01T00:05:00Z', '2026-01-01T00:10:00Z']],
  ['0 0 12 ? * WED', '2026-01-01T00:00:00Z', ['2026-01-07T12:00:00Z', '2026-01-14T12:00:00Z']],
  // strictly after, in whole seconds
  ['* * * * * *', '2026-01-01T00:00:00Z', ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z']],
  ['* * * * * *', '2026-01-01T00:00:00.500Z', ['2026-01-01T00:00:01Z']],
  ['30 * * * * *', '2026-01-01T00:00:30Z', ['2026-01-01T00:01:30Z']],
  ['0 */5 * * * *', '2026-01-01T00:04:59.999Z', ['2026-01-01T00:05:00Z']],
  // rollovers: minute, hour, day, month, year
  ['0 0 0 1 1 *', '2026-06-01T00:00:00Z', ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z']],
  ['59 59 23 31 12 *', '2026-12-31T23:59:59Z', ['2027-12-31T23:59:59Z']],
  ['0 0 0 31 * *', '2026-01-31T00:00:00Z', ['2026-03-31T00:00:00Z', '2026-05-31T00:00:00Z']],
  // leap years: 2100 is not one
  ['0 0 0 29 2 *', '2025-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']],
  ['0 0 0 29 2 *', '2096-03-01T00:00:00Z', ['2104-02-29T00:00:00Z']],
  ['0 0 0 29 2 MON', '2022-01-10T00:00:00Z', ['2044-02-29T00:00:00Z']],
  // L, L-n, LW
  ['0 0 0 L * *', '2024-01-31T00:00:00Z', ['2024-02-29T00:00:00Z', '2024-03-31T00:00:00Z']],
  ['0 0 0 L * *', '2025-02-01T00:00:00Z', ['2025-02-28T00:00:00Z']],
  ['0 0 * L * *', '2022-01-30T00:01:00Z', ['2022-01-31T00:00:00Z', '2022-01-31T01:00:00Z']],
  ['0 0 0 L-3 * *', '2022-01-10T00:00:00Z', ['2022-01-28T00:00:00Z', '2022-02-25T00:00:00Z', '2022-03-28T00:00:00Z']],
  ['0 0 0 LW * *', '2026-01-01T00:00:00Z', ['2026-01-30T00:00:00Z', '2026-02-27T00:00:00Z', '2026-03-31T00:00:00Z']],
  ['0 0 0 LW * *', '2026-05-01T00:00:00Z', ['2026-05-29T00:00:00Z']],
  // nW: the nearest weekday in the month (Sunday 15 Feb 2026, Saturday 15 Aug, Saturday 1 Aug, Sunday 31 May)
  ['0 0 0 15W * *', '2026-02-01T00:00:00Z', ['2026-02-16T00:00:00Z', '2026-03-16T00:00:00Z']],
  ['0 0 0 15W * *', '2026-08-01T00:00:00Z', ['2026-08-14T00:00:00Z']],
  ['0 0 0 1W * *', '2026-07-02T00:00:00Z', ['2026-08-03T00:00:00Z']],
  ['0 0 0 31W * *', '2026-04-01T00:00:00Z', ['2026-05-29T00:00:00Z']],
  // day-of-week: d#n, dL, names, 0 and 7 for Sunday (Spring numbering: 1 is Monday)
  ['0 0 0 ? * MON#1', '2026-01-01T00:00:00Z', ['2026-01-05T00:00:00Z', '2026-02-02T00:00:00Z']],
  ['0 0 0 ? * 2#1', '2026-01-01T00:00:00Z', ['2026-01-06T00:00:00Z']],
  ['0 0 0 ? * 5#2', '2026-01-01T00:00:00Z', ['2026-01-09T00:00:00Z']],
  ['0 0 0 * * 5L', '2026-01-01T00:00:00Z', ['2026-01-30T00:00:00Z', '2026-02-27T00:00:00Z']],
  ['0 0 0 * * thuL', '2026-01-01T00:00:00Z', ['2026-01-29T00:00:00Z']],
  ['0 0 0 * * 0', '2026-01-01T00:00:00Z', ['2026-01-04T00:00:00Z']],
  ['0 0 0 * * 7', '2026-01-01T00:00:00Z', ['2026-01-04T00:00:00Z']],
  ['0 0 0 * * SUN-SAT', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z']],
  ['0 0 0 * * sat,Sun', '2026-01-01T00:00:00Z', ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-10T00:00:00Z']],
  ['0 0 0 1 jan,JUL *', '2026-02-01T00:00:00Z', ['2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z']],
  // both day fields must match: Friday the 13th
  ['0 0 0 13 * FRI', '2026-01-01T00:00:00Z', ['2026-02-13T00:00:00Z', '2026-03-13T00:00:00Z', '2026-11-13T00:00:00Z']],
  // steps and lists
  ['0 0/30 8-10 * * *', '2026-01-01T10:30:00Z', ['2026-01-02T08:00:00Z', '2026-01-02T08:30:00Z']],
  ['10-20/5 * * * * *', '2026-01-01T00:00:12Z', ['2026-01-01T00:00:15Z', '2026-01-01T00:00:20Z', '2026-01-01T00:01:10Z']],
  ['0 0 0 */10 * *', '2026-01-21T00:00:00Z', ['2026-01-31T00:00:00Z', '2026-02-01T00:00:00Z']],
  ['0 0 0 * * */2', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-05T00:00:00Z']],
  ['0 0 6,19 * * *', '2026-01-01T07:00:00Z', ['2026-01-01T19:00:00Z', '2026-01-02T06:00:00Z']],
  // macros
  ['@yearly', '2026-01-01T00:00:00Z', ['2027-01-01T00:00:00Z']],
  ['@ANNUALLY', '2026-01-01T00:00:00Z', ['2027-01-01T00:00:00Z']],
  ['@monthly', '2026-01-01T00:00:00Z', ['2026-02-01T00:00:00Z']],
  ['@weekly', '2026-01-01T00:00:00Z', ['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z']],
  ['@daily', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z']],
  ['@midnight', '2026-01-01T12:00:00Z', ['2026-01-02T00:00:00Z']],
  ['@hourly', '2026-01-01T00:00:00Z', ['2026-01-01T01:00:00Z']],
  // never: Spring returns null, the timer never fires
  ['0 0 0 30 2 *', '2025-01-01T00:00:00Z', ['none']],
  ['0 0 0 31 4,6,9,11 *', '2026-01-01T00:00:00Z', ['none']],
  ['0 0 0 L * MON#1', '2026-01-01T00:00:00Z', ['none']],
];

/** [expression, what the problem says]. */
const INVALID: readonly (readonly [string, string])[] = [
  ['', 'the cron expression is empty'],
  ['* * * * *', 'found 5'],
  ['* * * * * * *', 'found 7'],
  ['60 * * * * *', "second '60': 60 is not in 0-59"],
  ['* 60 * * * *', "minute '60': 60 is not in 0-59"],
  ['* * 24 * * *', "hour '24': 24 is not in 0-23"],
  ['* * * 0 * *', "day-of-month '0': 0 is not in 1-31"],
  ['* * * 32 * *', "day-of-month '32': 32 is not in 1-31"],
  ['* * * * 0 *', "month '0': 0 is not in 1-12"],
  ['* * * * 13 *', "month '13': 13 is not in 1-12"],
  ['* * * * * 8', "day-of-week '8': 8 is not in 0-7"],
  ['20-10 * * * * *', "second '20-10': range '20-10' runs backwards"],
  ['0 0 0 * * FRI-MON', "day-of-week 'FRI-MON': range '5-1' runs backwards"],
  ['*/0 * * * * *', "second '*/0': step '*/0' must be 1 or more"],
  ['1,,2 * * * * *', 'an element of the list is empty'],
  ['a * * * * *', "second 'a': 'a' is not a number"],
  ['? * * * * *', "second '?': '?' is not a number"],
  ['* * * * * *SUN', "day-of-week '*SUN'"],
  ['* * * * * SUN*', "day-of-week 'SUN*'"],
  ['0 0 0 L3 * *', "'L3' is not L, L-n, LW or nW"],
  ['0 0 0 W * *', "'W' is not L, L-n, LW or nW"],
  ['0 0 0 32W * *', '32 is not in 1-31'],
  ['0 0 0 L-31 * *', 'offset'],
  ['0 0 0 * * L', 'no day-of-week given'],
  ['0 0 0 * * 8L', '8 is not in 0-7'],
  ['0 0 0 * * MON#6', "ordinal in '1#6' is not in 1-5"],
  ['0 0 0 * * #1', 'no day-of-week given'],
  ['@every', 'found 1'],
];

describe('model: cron expressions', () => {
  for (const [expression, from, expected] of NEXT) {
    it(`'${expression}' after ${from}: ${expected.join(', ')}`, () => {
      assert.deepEqual(nextTimes(expression, from, expected.length), expected);
    });
  }

  for (const [expression, problem] of INVALID) {
    it(`refuses '${expression}': ${problem}`, () => {
      const parsed = parseCron(expression);
      assert.ok(!parsed.ok);
      assert.ok(parsed.error.includes(problem), parsed.error);
    });
  }

  it('answers "never" for 31 February: the search is bounded', () => {
    const parsed = parseCron('0 0 0 31 2 *');
    assert.ok(parsed.ok);
    assert.equal(nextCronTime(parsed.value, Date.UTC(2026, 0, 1)), undefined);
  });
});

describe('model: timer cycles', () => {
  it('reads a cycle starting with R as ISO-8601, anything else as cron', () => {
    const iso = parseTimerCycle('R/PT1M');
    assert.ok(iso.ok && iso.value.kind === 'iso');
    const cron = parseTimerCycle('0 0 9-17 * * MON-FRI');
    assert.ok(cron.ok && cron.value.kind === 'cron');
  });

  it('says why a cycle is invalid, for ISO-8601 and cron alike', () => {
    const reason = (text: string): string | undefined => {
      const cycle = parseTimerCycle(text);
      return cycle.ok ? undefined : cycle.error;
    };
    assert.equal(reason('@daily'), undefined);
    assert.equal(reason('R3/PT10S'), undefined);
    assert.equal(reason('R3/PT'), 'expected an ISO-8601 cycle');
    assert.equal(reason('0 0 25 * * *'), "expected an ISO-8601 cycle or a cron expression; hour '25': 25 is not in 0-23");
    assert.match(reason('PT10S') ?? '', /cron expression; a cron expression has 6 fields .*found 1/);
  });
});
