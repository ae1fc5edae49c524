import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { renderJUnit } from '../../reports/index.js';
import { HAND_MADE } from './hand-made-results.js';
import { junitSchemaProblems } from './junit-schema.js';

type Testcase = { '@_name': string; failure?: unknown; skipped?: { '@_message': string }; 'system-out'?: string };
type Doc = { testsuites: { '@_tests': string; '@_failures': string; testsuite: { '@_name': string; testcase: Testcase[] }[] } };

const parse = (xml: string): Doc => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as Doc;

describe('reports: JUnit XML', () => {
  it('follows the Jenkins/Ant JUnit schema: a <testsuites> root, a testsuite per RPC, a testcase per rule', () => {
    const xml = renderJUnit(HAND_MADE);
    assert.deepEqual(junitSchemaProblems(xml), []);
    const doc = parse(xml);
    assert.equal(doc.testsuites['@_tests'], '5');
    assert.equal(doc.testsuites['@_failures'], '1');
    assert.deepEqual(doc.testsuites.testsuite.map((s) => s['@_name']), ['ActivateJobs', 'PublishMessage', 'CompleteJob', 'EvaluateDecision']);
    const publish = doc.testsuites.testsuite[1]?.testcase ?? [];
    assert.ok(publish[0]?.failure !== undefined, 'the failed rule has a <failure>');
    assert.match(publish[1]?.skipped?.['@_message'] ?? '', /^not-applicable: the target has multi-tenancy off/);
  });

  it('reports a known-failing rule as skipped, with the baseline reason and the failure in system-out', () => {
    const known = parse(renderJUnit(HAND_MADE)).testsuites.testsuite[2]?.testcase[0];
    assert.match(known?.skipped?.['@_message'] ?? '', /known failing \(baseline 'CompleteJob\/\*'\): the gateway answers FAILED_PRECONDITION \[GW-12\]/);
    assert.match(known?.['system-out'] ?? '', /received: FAILED_PRECONDITION/);
  });

  it('keeps unicode and escapes markup, and replaces characters XML cannot hold', () => {
    const xml = renderJUnit(HAND_MADE);
    assert.ok(xml.includes('ünïcödé 🎉'));
    assert.ok(!xml.includes('\u0001'));
    assert.ok(xml.includes('&lt;xml&gt; &amp;'));
    assert.ok(xml.includes('very long details END'), 'a long failure is kept whole in JUnit');
  });

  it('has a schema checker that catches what the schema forbids', () => {
    const valid = renderJUnit(HAND_MADE);
    assert.notDeepEqual(junitSchemaProblems(valid.replace('<testsuites name=', '<testsuites skipped="1" name=')), []);
    assert.notDeepEqual(junitSchemaProblems(valid.replace(/<testcase classname="ActivateJobs" name="[^"]*"/, '<testcase classname="ActivateJobs"')), []);
    assert.notDeepEqual(junitSchemaProblems(valid.replace('tests="5"', 'tests="five"')), []);
    assert.notDeepEqual(junitSchemaProblems(valid.replace(/(<testsuite name="ActivateJobs" tests=")1/, '$12')), []);
    assert.notDeepEqual(junitSchemaProblems(valid.replace('<testsuites', '<testsuitez').replace('</testsuites>', '</testsuitez>')), []);
    assert.notDeepEqual(junitSchemaProblems(valid.replace(/<failure([^>]*)>/, '<system-out>x</system-out><failure$1>')), []);
  });
});
