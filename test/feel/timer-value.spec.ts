import assert from 'node:assert/strict';
import { evaluateTimerValue, type TimerValue } from '../../engine/feel/index.js';

const valueOf = (type: TimerValue['type'], expression: string, variables: Record<string, unknown> = {}): TimerValue => {
  const result = evaluateTimerValue(type, expression, variables);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
};

const errorOf = (type: TimerValue['type'], expression: string, variables: Record<string, unknown> = {}): string => {
  const result = evaluateTimerValue(type, expression, variables);
  assert.ok(!result.ok, 'expected an error');
  return result.error;
};

/** Timer values typed as Zeebe's ExpressionProcessor types them (interval, date-time, string), with its messages. */
describe('feel: evaluateTimerValue', () => {
  it('a duration: a FEEL duration or period, or a STRING in ISO-8601', () => {
    assert.deepEqual(valueOf('duration', '=duration("PT90S")'), valueOf('duration', 'PT1M30S'));
    assert.equal(valueOf('duration', '=wait', { wait: 'P1D' }).type, 'duration');
    assert.equal(valueOf('duration', '=duration("P1M")').type, 'duration', 'a period (years and months)');
    assert.equal(errorOf('duration', '=wait', { wait: 'soon' }), "Invalid duration format 'soon' for expression 'wait'.");
    assert.equal(errorOf('duration', '=5'), "Expected result of the expression '5' to be one of '[DURATION, PERIOD, STRING]', but was 'NUMBER'.");
  });

  it('a date: a FEEL date and time (a local one in UTC) or a STRING with an offset', () => {
    const at = Date.UTC(2030, 0, 1, 10);
    assert.deepEqual(valueOf('date', '=date and time("2030-01-01T11:00:00+01:00")'), { type: 'date', at });
    assert.deepEqual(valueOf('date', '=date and time("2030-01-01T10:00:00")'), { type: 'date', at });
    assert.deepEqual(valueOf('date', '2030-01-01T10:00:00Z'), { type: 'date', at });
    assert.equal(errorOf('date', '=d', { d: '2030-01-01' }), "Invalid date-time format '2030-01-01' for expression 'd'.");
    assert.match(errorOf('date', '=d'), /^Expected result of the expression 'd' to be one of '\[DATE_TIME, STRING\]', but was 'NULL'\. The evaluation reported the following warnings:\n\[NO_VARIABLE_FOUND\]/);
  });

  it('a cycle: a STRING, an ISO-8601 repeating interval when it starts with R, else cron', () => {
    assert.equal(valueOf('cycle', '="R3/PT10S"').type, 'cycle');
    assert.equal(valueOf('cycle', '=c', { c: '0 0 9 * * MON-FRI' }).type, 'cycle');
    assert.equal(errorOf('cycle', '=c', { c: 3 }), "Expected result of the expression 'c' to be 'STRING', but was 'NUMBER'.");
    assert.match(errorOf('cycle', '="R3/PT"'), /^Invalid cycle 'R3\/PT' for expression '"R3\/PT"': expected an ISO-8601 cycle/);
  });
});
