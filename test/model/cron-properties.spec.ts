import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cronMatches, nextCronTime, parseCron, type CronExpression } from '../../engine/model/cron.js';

/** CRON_SEED pins fast-check's seed; a failure prints the seed and path that replay it. */
const pinned = process.env.CRON_SEED;
const parameters = (numRuns: number): fc.Parameters<unknown> => (pinned === undefined ? { numRuns } : { numRuns, seed: Number(pinned) });

type DayTest = (year: number, month: number, day: number) => boolean;

/** A generated field: its text and, independently of the parser, what it allows. */
interface Field { readonly text: string; readonly values: readonly number[] }
interface DayField { readonly text: string; readonly matches: DayTest }
interface Generated {
  readonly text: string;
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  readonly dayOfMonth: DayTest;
  readonly dayOfWeek: DayTest;
}

const range = (from: number, to: number, step = 1): number[] => {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
};
const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** `*`, a list, a range, or a step (`a/n`, `*` with `/n`) over min-max (`*` starting at starMin). */
const plainField = (min: number, max: number, starMin = min): fc.Arbitrary<Field> => fc.oneof(
  fc.constant({ text: '*', values: range(starMin, max) }),
  fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 }).map((vs) => ({ text: vs.join(','), values: ascending(vs) })),
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return { text: `${lo}-${hi}`, values: range(lo, hi) };
  }),
  fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: max - min + 1 })).map(([a, n]) => ({ text: `${a}/${n}`, values: range(a, max, n) })),
  fc.integer({ min: 1, max: max - min + 1 }).map((n) => ({ text: `*/${n}`, values: range(starMin, max, n) })),
);

const MONTHS = ['jan', 'FEB', 'Mar', 'apr', 'MAY', 'jun', 'Jul', 'aug', 'SEP', 'oct', 'Nov', 'dec'];
const WEEKDAYS = ['SUN', 'mon', 'Tue', 'WED', 'thu', 'Fri', 'sat'];

const monthField: fc.Arbitrary<Field> = fc.oneof(
  plainField(1, 12),
  fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }).map((vs) => ({ text: vs.map((v) => MONTHS[v - 1]).join(','), values: ascending(vs) })),
);

const lengthOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekdayOf = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay();
const isWorkday = (year: number, month: number, day: number): boolean => weekdayOf(year, month, day) % 6 !== 0;
const workdaysOf = (year: number, month: number): number[] => range(1, lengthOf(year, month)).filter((d) => isWorkday(year, month, d));

/** Day-of-month: plain values, `?`, `L`, `L-n`, `LW`, `nW` (the workday of the month nearest to n). */
const dayOfMonthField: fc.Arbitrary<DayField> = fc.oneof(
  plainField(1, 31).map((f) => ({ text: f.text, matches: (_y: number, _m: number, d: number) => f.values.includes(d) })),
  fc.constant({ text: '?', matches: () => true }),
  fc.constant({ text: 'L', matches: (y: number, m: number, d: number) => d === lengthOf(y, m) }),
  fc.integer({ min: 1, max: 30 }).map((n) => ({ text: `L-${n}`, matches: (y: number, m: number, d: number) => d === lengthOf(y, m) - n })),
  fc.constant({ text: 'LW', matches: (y: number, m: number, d: number) => d === Math.max(...workdaysOf(y, m)) }),
  fc.integer({ min: 1, max: 31 }).map((n) => ({
    text: `${n}W`,
    matches: (y: number, m: number, d: number) => {
      if (n > lengthOf(y, m)) return false;
      const nearest = workdaysOf(y, m).reduce((best, w) => (Math.abs(w - n) < Math.abs(best - n) ? w : best));
      return d === nearest;
    },
  })),
);

/** Day-of-week: lists (0-7, names), ranges 0-6, steps, `*`, `?`, `dL`, `d#k`. */
const dayOfWeekField: fc.Arbitrary<DayField> = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }).chain((vs) => fc.boolean().map((named) => ({
    text: vs.map((v) => (named ? WEEKDAYS[v % 7] : String(v))).join(','),
    matches: (y: number, m: number, d: number) => vs.map((v) => v % 7).includes(weekdayOf(y, m, d)),
  }))),
  plainField(0, 6).filter((f) => f.text !== '*' && !f.text.includes('/')).map((f) => ({ text: f.text, matches: (y: number, m: number, d: number) => f.values.includes(weekdayOf(y, m, d)) })),
  // a step runs to 7 (Sunday again); `*` is 1-7
  fc.tuple(fc.constantFrom('*', ...range(0, 7).map(String)), fc.integer({ min: 1, max: 7 })).map(([from, n]) => ({
    text: `${from}/${n}`,
    matches: (y: number, m: number, d: number) => range(from === '*' ? 1 : Number(from), 7, n).map((v) => v % 7).includes(weekdayOf(y, m, d)),
  })),
  fc.constantFrom('*', '?').map((text) => ({ text, matches: () => true })),
  fc.integer({ min: 0, max: 7 }).map((w) => ({
    text: `${w}L`,
    matches: (y: number, m: number, d: number) => weekdayOf(y, m, d) === w % 7 && d + 7 > lengthOf(y, m),
  })),
  fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 5 })).map(([w, k]) => ({
    text: `${WEEKDAYS[w % 7] ?? ''}#${k}`,
    matches: (y: number, m: number, d: number) => weekdayOf(y, m, d) === w % 7 && Math.ceil(d / 7) === k,
  })),
);

const expression: fc.Arbitrary<Generated> = fc
  .tuple(plainField(0, 59), plainField(0, 59), plainField(0, 23), dayOfMonthField, monthField, dayOfWeekField)
  .map(([s, mi, h, dom, mo, dow]) => ({
    text: [s.text, mi.text, h.text, dom.text, mo.text, dow.text].join(' '),
    seconds: s.values, minutes: mi.values, hours: h.values, months: mo.values, dayOfMonth: dom.matches, dayOfWeek: dow.matches,
  }));

/** Times from 2000 to 2100, at any millisecond. */
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 4 * 366;

/** Brute force: every matching second in order, day by day, from the whole second after `after`, within `days` days. */
function bruteNext(g: Generated, after: number, days: number): number | undefined {
  const first = (Math.floor(after / 1000) + 1) * 1000;
  const firstDay = Math.floor(first / DAY_MS) * DAY_MS;
  for (let dayStart = firstDay; dayStart <= firstDay + days * DAY_MS; dayStart += DAY_MS) {
    const date = new Date(dayStart);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!g.months.includes(m) || !g.dayOfMonth(y, m, d) || !g.dayOfWeek(y, m, d)) continue;
    for (const h of g.hours) for (const mi of g.minutes) for (const s of g.seconds) {
      const at = dayStart + ((h * 60 + mi) * 60 + s) * 1000;
      if (at >= first) return at;
    }
  }
  return undefined;
}

const parsed = (text: string): CronExpression => {
  const result = parseCron(text);
  assert.ok(result.ok, result.ok ? '' : `${text}: ${result.error}`);
  return result.value;
};

describe('model: cron properties', () => {
  it('next(t) is the first matching second after t: equal to a day-by-day brute force over four years', () => {
    fc.assert(
      fc.property(expression, instant, (g, after) => {
        const cron = parsed(g.text);
        const next = nextCronTime(cron, after);
        const expected = bruteNext(g, after, WINDOW_DAYS);
        if (next !== undefined) {
          assert.ok(next > after, 'after t');
          assert.ok(cronMatches(cron, next), 'matches every field');
        }
        if (expected !== undefined) assert.equal(next, expected);
        else assert.ok(next === undefined || next > after + WINDOW_DAYS * DAY_MS, 'nothing matches within the window');
      }),
      parameters(300),
    );
  });

  it('no second between t and next(t) matches: a second-by-second scan of expressions that match within the hour', () => {
    const frequent = fc.tuple(plainField(0, 59), plainField(0, 59)).map(([s, mi]) => ({ text: `${s.text} ${mi.text} * * * *`, seconds: s.values, minutes: mi.values }));
    fc.assert(
      fc.property(frequent, instant, (g, after) => {
        const cron = parsed(g.text);
        const next = nextCronTime(cron, after);
        assert.ok(next !== undefined && next > after && next - after <= 3_600_000);
        const matches = (at: number): boolean => g.seconds.includes(new Date(at).getUTCSeconds()) && g.minutes.includes(new Date(at).getUTCMinutes());
        assert.ok(matches(next), 'next(t) matches');
        for (let at = (Math.floor(after / 1000) + 1) * 1000; at < next; at += 1000) {
          assert.equal(matches(at), false, `${new Date(at).toISOString()} matches before ${new Date(next).toISOString()}`);
          assert.equal(cronMatches(cron, at), false);
        }
      }),
      parameters(100),
    );
  });

  it('next(next(t)) - 1 ms lands on next(t) again: the sequence of times has no gaps', () => {
    fc.assert(
      fc.property(expression, instant, (g, after) => {
        const cron = parsed(g.text);
        const next = nextCronTime(cron, after);
        fc.pre(next !== undefined);
        assert.equal(nextCronTime(cron, next - 1), next);
        const following = nextCronTime(cron, next);
        if (following !== undefined) assert.equal(nextCronTime(cron, following - 1), following);
      }),
      parameters(200),
    );
  });
});
