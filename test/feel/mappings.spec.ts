import assert from 'node:assert/strict';
import { applyInputMappings, applyOutputMappings, pickVariables } from '../../engine/feel/index.js';

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
};

/** Input mappings build an element's local variables from the visible variables. */
describe('feel: applyInputMappings', () => {
  const variables = { customer: { name: 'Ada', id: 7 }, total: 100, sender: { address: 'kept?' } };

  it('maps sources to plain targets', () => {
    const locals = valueOf(applyInputMappings([{ source: '=customer.name', target: 'name' }, { source: '=total * 2', target: 'doubled' }], variables));
    assert.deepEqual(locals, { name: 'Ada', doubled: 200 });
  });

  it('creates nested objects for path targets, merging targets that share a root', () => {
    const locals = valueOf(
      applyInputMappings(
        [
          { source: '=customer.name', target: 'sender.name' },
          { source: '=customer.id', target: 'sender.ids.customer' },
          { source: '=1', target: 'sender.ids.order' },
        ],
        variables,
      ),
    );
    assert.deepEqual(locals, { sender: { name: 'Ada', ids: { customer: 7, order: 1 } } }, 'never merged with the existing "sender"');
  });

  it('lets later inputs see earlier ones', () => {
    const locals = valueOf(
      applyInputMappings(
        [
          { source: '=total', target: 'price' },
          { source: '=price * 1.5', target: 'gross' },
          { source: '=gross - price', target: 'tax.amount' },
          { source: '=tax.amount > 10', target: 'taxed' },
        ],
        variables,
      ),
    );
    assert.deepEqual(locals, { price: 100, gross: 150, tax: { amount: 50 }, taxed: true });
  });

  it('lets a later target replace an earlier one (last wins)', () => {
    const locals = valueOf(applyInputMappings([{ source: '=1', target: 'a' }, { source: '=2', target: 'a.b' }, { source: '=3', target: 'c.d' }, { source: '=4', target: 'c' }], {}));
    assert.deepEqual(locals, { a: { b: 2 }, c: 4 });
  });

  it('maps a static source as the string itself and a missing variable as null', () => {
    assert.deepEqual(valueOf(applyInputMappings([{ source: '42', target: 's' }, { source: '=nope', target: 'n' }], {})), { s: '42', n: null });
  });

  it('stops at the first failing source', () => {
    assert.deepEqual(applyInputMappings([{ source: '=1', target: 'a' }, { source: '=1 +', target: 'b' }], {}), {
      ok: false,
      error: "failed to parse expression '1 +': Incomplete <ArithmeticExpression> at position 3",
    });
  });

  it('returns no variables for no mappings', () => {
    assert.deepEqual(valueOf(applyInputMappings([], variables)), {});
  });
});

/** Output mappings choose what an element propagates to its flow scope. */
describe('feel: applyOutputMappings', () => {
  const jobVariables = { result: { status: 'PAID', amount: 42 }, local: 'x' };

  it('maps sources from the element variables to plain targets', () => {
    const out = valueOf(applyOutputMappings([{ source: '=result.status', target: 'paymentStatus' }], jobVariables, { paymentStatus: 'OPEN' }));
    assert.deepEqual(out, { paymentStatus: 'PAID' });
  });

  it("merges 'a.b' into the outer 'a', keeping a's other keys", () => {
    const outer = { order: { id: 1, payment: { method: 'card', status: 'OPEN' } } };
    const out = valueOf(
      applyOutputMappings(
        [
          { source: '=result.status', target: 'order.payment.status' },
          { source: '=result.amount', target: 'order.paid' },
        ],
        jobVariables,
        outer,
      ),
    );
    assert.deepEqual(out, { order: { id: 1, paid: 42, payment: { method: 'card', status: 'PAID' } } });
    assert.deepEqual(outer, { order: { id: 1, payment: { method: 'card', status: 'OPEN' } } }, 'the outer variables are not mutated');
  });

  it('creates the root object when the outer variable is missing or null', () => {
    const out = valueOf(applyOutputMappings([{ source: '=1', target: 'a.b' }, { source: '=2', target: 'n.m' }], {}, { n: null }));
    assert.deepEqual(out, { a: { b: 1 }, n: { m: 2 } });
  });

  it('turns an outer non-object under a path target into null, as Zeebe does', () => {
    assert.deepEqual(valueOf(applyOutputMappings([{ source: '=1', target: 'a.b' }], {}, { a: 5 })), { a: null });
  });

  it('lets later outputs see earlier ones, merged', () => {
    const out = valueOf(
      applyOutputMappings(
        [
          { source: '=result.amount', target: 'order.paid' },
          { source: '=order.id + order.paid', target: 'check' },
        ],
        jobVariables,
        { order: { id: 1 } },
      ),
    );
    assert.deepEqual(out, { order: { id: 1, paid: 42 }, check: 43 });
  });

  it('re-seeds a path target from the outer value after a whole write (last wins)', () => {
    const out = valueOf(applyOutputMappings([{ source: '={x: 1}', target: 'a' }, { source: '=2', target: 'a.b' }], {}, { a: { keep: true } }));
    assert.deepEqual(out, { a: { keep: true, b: 2 } });
  });

  it('stops at the first failing source', () => {
    assert.equal(applyOutputMappings([{ source: '=)', target: 'a' }], {}, {}).ok, false);
  });
});

/** fetchVariable: only the named variables that exist. */
describe('feel: pickVariables', () => {
  const variables = { a: 1, b: { c: 2 }, n: null };

  it('reads only the named variables, ignoring missing names', () => {
    assert.deepEqual(pickVariables(variables, ['a', 'missing', 'b']), { a: 1, b: { c: 2 } });
  });

  it('keeps a variable whose value is null, and ignores nested paths and duplicates', () => {
    assert.deepEqual(pickVariables(variables, ['n', 'b.c', 'a', 'a']), { n: null, a: 1 });
  });

  it('returns nothing for no names, and never reads inherited properties', () => {
    assert.deepEqual(pickVariables(variables, []), {});
    assert.deepEqual(pickVariables(variables, ['toString', 'constructor', '__proto__']), {});
  });
});
