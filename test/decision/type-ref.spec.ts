import assert from 'node:assert/strict';
import { evaluate } from 'feelin';
import { evaluateDecision } from '../../engine/decision/index.js';
import { scalaVal, typeRefProblem } from '../../engine/decision/type-ref.js';
import type { DecisionModel } from '../../engine/model/dmn/decision-model.js';

const feel = (expression: string): unknown => evaluate(expression, {}).value;

/** dmn-scala's TypeChecker.isOfType: each DMN type against FEEL values of every kind; no conversion. */
describe('decisions: typeRef of a decision variable', () => {
  const VALUES: Readonly<Record<string, string>> = {
    string: '"5"',
    number: '5',
    boolean: 'true',
    time: 'time("10:00:00")',
    date: 'date("2030-01-01")',
    dateTime: 'date and time("2030-01-01T10:00:00Z")',
    dayTimeDuration: 'duration("PT1H")',
    yearMonthDuration: 'duration("P1Y")',
  };

  for (const [type, expression] of Object.entries(VALUES)) {
    it(`'${type}' accepts ${expression} only`, () => {
      for (const [other, candidate] of Object.entries(VALUES)) {
        const problem = typeRefProblem(type, feel(candidate));
        if (other === type) assert.equal(problem, undefined, `${type} accepts ${candidate}`);
        else assert.match(problem ?? '', new RegExp(`^expected '${type}' but found 'Val`), `${type} refuses ${candidate}`);
      }
    });
  }

  it('null, no typeRef, an unknown type and a feel: prefix', () => {
    assert.equal(typeRefProblem('number', null), undefined);
    assert.equal(typeRefProblem(undefined, 'x'), undefined);
    assert.equal(typeRefProblem('', 'x'), undefined);
    for (const unknown of ['Any', 'date and time', 'integer', 'myItemDefinition']) assert.equal(typeRefProblem(unknown, 'x'), undefined);
    assert.equal(typeRefProblem('feel:number', 'x'), "expected 'number' but found 'ValString(x)'");
    assert.equal(typeRefProblem('dateTime', feel('date and time("2030-01-01T10:00:00")')), undefined, 'a local date-time is a dateTime too');
    assert.equal(typeRefProblem('time', feel('time("10:00:00@Europe/Berlin")')), undefined);
  });

  it('prints values as feel-scala Vals', () => {
    assert.equal(scalaVal('a'), 'ValString(a)');
    assert.equal(scalaVal(1.5), 'ValNumber(1.5)');
    assert.equal(scalaVal(false), 'ValBoolean(false)');
    assert.equal(scalaVal([1, 'a']), 'ValList(List(ValNumber(1), ValString(a)))');
    assert.equal(scalaVal(feel('date("2030-01-01")')), 'ValDate(2030-01-01)');
    assert.equal(scalaVal(feel('duration("P2M")')), 'ValYearMonthDuration(P2M)');
  });

  it('a failed check stops the DRG at that decision, which counts as evaluated', () => {
    const models = new Map<string, DecisionModel>([
      ['inner', { id: 'inner', name: 'Inner', requires: [], resultName: 'inner', resultType: 'boolean', logic: { kind: 'LITERAL_EXPRESSION', expression: 'flag' } }],
      ['outer', { id: 'outer', name: 'Outer', requires: ['inner'], resultName: 'outer', logic: { kind: 'LITERAL_EXPRESSION', expression: 'not(inner)' } }],
    ]);
    const failed = evaluateDecision(models, 'outer', { flag: 'yes' });
    assert.deepEqual(failed.failure, { decisionId: 'inner', message: "expected 'boolean' but found 'ValString(yes)'" });
    assert.deepEqual(failed.evaluated.map((d) => [d.decisionId, d.output]), [['inner', 'yes']]);
    assert.equal(evaluateDecision(models, 'outer', { flag: true }).output, false);
  });

  it("a required decision's result is read by its variable's name, as dmn-scala's resultName", () => {
    const models = new Map<string, DecisionModel>([
      ['inner', { id: 'inner', name: 'Inner', requires: [], resultName: 'flagged', logic: { kind: 'LITERAL_EXPRESSION', expression: 'flag' } }],
      ['outer', { id: 'outer', name: 'Outer', requires: ['inner'], resultName: 'outer', logic: { kind: 'LITERAL_EXPRESSION', expression: '[flagged, inner]' } }],
    ]);
    assert.deepEqual(evaluateDecision(models, 'outer', { flag: true }).output, [true, null]);
  });
});
