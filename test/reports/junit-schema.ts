import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A checker for the constraints of the Jenkins/Ant JUnit schema (junit-10.xsd, what Jenkins' xUnit and most CI
 * servers validate against): which elements may appear where and in which order, which attributes each may carry,
 * the required ones, and the types of counts, times and timestamps. Also that the counts agree with the testcases.
 * Written here rather than run through `xmllint --schema`: no schema file of uncertain licence in the repo and no
 * extra system package; the constraints below are the schema's, element by element.
 */

interface ElementRule {
  readonly attributes: Readonly<Record<string, RegExp>>;
  readonly required: readonly string[];
  /** Allowed children in order, each with its most occurrences (Infinity: unbounded). */
  readonly children: readonly (readonly [string, number])[];
  readonly text: boolean;
}

const INT = /^\d+$/;
const TIME = /^\d+(\.\d{1,3})?$/;
const ANY = /^[^]*$/;
const ISO8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const RESULT = { attributes: { message: ANY, type: ANY }, required: [], children: [], text: true };

const SCHEMA: Readonly<Record<string, ElementRule>> = {
  testsuites: { attributes: { name: ANY, time: TIME, tests: INT, failures: INT, disabled: INT, errors: INT }, required: [], children: [['testsuite', Infinity]], text: false },
  testsuite: {
    attributes: { name: ANY, tests: INT, failures: INT, errors: INT, group: ANY, time: TIME, disabled: INT, skipped: INT, timestamp: ISO8601, hostname: ANY, id: ANY, package: ANY, file: ANY, log: ANY, url: ANY, version: ANY },
    required: ['name', 'tests'],
    children: [['properties', 1], ['testcase', Infinity], ['system-out', 1], ['system-err', 1]],
    text: false,
  },
  properties: { attributes: {}, required: [], children: [['property', Infinity]], text: false },
  property: { attributes: { name: ANY, value: ANY }, required: ['name', 'value'], children: [], text: false },
  testcase: {
    attributes: { name: ANY, assertions: INT, time: TIME, timestamp: ISO8601, classname: ANY, status: ANY, class: ANY, file: ANY, line: INT, log: ANY, group: ANY, url: ANY },
    required: ['name'],
    children: [['skipped', 1], ['error', Infinity], ['failure', Infinity], ['system-out', Infinity], ['system-err', Infinity]],
    text: false,
  },
  skipped: { attributes: { message: ANY }, required: [], children: [], text: true },
  error: RESULT,
  failure: RESULT,
  'system-out': { attributes: {}, required: [], children: [], text: true },
  'system-err': { attributes: {}, required: [], children: [], text: true },
};

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: Node): Node[] => (node[nameOf(node)] as Node[] | undefined) ?? [];

function checkElement(node: Node, path: string, problems: string[]): void {
  const name = nameOf(node);
  const rule = SCHEMA[name];
  if (!rule) return void problems.push(`${path}: element <${name}> is not in the schema`);
  const attributes = node[':@'] ?? {};
  for (const [key, value] of Object.entries(attributes)) {
    const type = rule.attributes[key];
    if (!type) problems.push(`${path}: <${name}> has no attribute '${key}'`);
    else if (!type.test(value)) problems.push(`${path}: <${name} ${key}="${value}"> is not of the schema's type`);
  }
  for (const key of rule.required) if (!(key in attributes)) problems.push(`${path}: <${name}> lacks the required attribute '${key}'`);
  let slot = 0;
  let seen = 0;
  for (const [i, child] of childrenOf(node).entries()) {
    const childName = nameOf(child);
    if (childName === '#text') {
      if (!rule.text && String(child['#text']).trim() !== '') problems.push(`${path}: <${name}> may not hold text`);
      continue;
    }
    while (slot < rule.children.length && rule.children[slot]?.[0] !== childName) [slot, seen] = [slot + 1, 0];
    const allowed = rule.children[slot];
    if (!allowed) return void problems.push(`${path}: <${childName}> is not allowed here in <${name}> (or out of order)`);
    seen += 1;
    if (seen > allowed[1]) problems.push(`${path}: <${name}> has more than ${allowed[1]} <${childName}>`);
    checkElement(child, `${path}/${childName}[${i}]`, problems);
  }
}

/** Counts on a testsuite that must agree with its testcases. */
function checkCounts(suite: Node, problems: string[]): void {
  const cases = childrenOf(suite).filter((c) => nameOf(c) === 'testcase');
  const withChild = (tag: string): number => cases.filter((c) => childrenOf(c).some((x) => nameOf(x) === tag)).length;
  const attrs = suite[':@'] ?? {};
  const expect = (key: string, actual: number): void => {
    if (attrs[key] !== undefined && Number(attrs[key]) !== actual) problems.push(`testsuite '${attrs['name'] ?? ''}': ${key}="${attrs[key]}" but ${actual} testcases`);
  };
  expect('tests', cases.length);
  expect('failures', withChild('failure'));
  expect('errors', withChild('error'));
  expect('skipped', withChild('skipped'));
}

/** Every way `xml` breaks the JUnit schema (empty: it is valid), the root being `<testsuites>`. */
export function junitSchemaProblems(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, trimValues: false }).parse(xml) as Node[];
  const roots = doc.filter((n) => !['?xml', '#text'].includes(nameOf(n)));
  const root = roots[0];
  if (roots.length !== 1 || !root || nameOf(root) !== 'testsuites') return [`the root must be one <testsuites>, got ${roots.map(nameOf).join(', ')}`];
  const problems: string[] = [];
  checkElement(root, 'testsuites', problems);
  for (const suite of childrenOf(root).filter((c) => nameOf(c) === 'testsuite')) checkCounts(suite, problems);
  return problems;
}
