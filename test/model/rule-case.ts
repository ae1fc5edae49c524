/** A validation rule as test data: a model it accepts, a model it rejects, and what the rejection must say. */
import { accepted, rejectedWith } from './bpmn-builders.js';

export interface RuleCase {
  readonly rule: string;
  readonly accepted: string;
  readonly rejected: string;
  /** The element the problem is about, as real Zeebe names it (e.g. `T > extensionElements > taskDefinition`). */
  readonly element: string;
  readonly message: string;
}

/** One `describe` per rule: the accepted model is accepted, the rejected one names the element and the problem. */
export function describeRules(title: string, cases: readonly RuleCase[]): void {
  describe(title, () => {
    for (const rule of cases) {
      describe(rule.rule, () => {
        it('accepts the valid model', async () => {
          await accepted(rule.accepted);
        });
        it(`rejects the invalid one: ${rule.element}: ${rule.message}`, async () => {
          await rejectedWith(rule.rejected, rule.element, rule.message);
        });
      });
    }
  });
}
