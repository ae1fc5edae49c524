/**
 * A DMN resource: its decision requirements graph (id, name, decisions) and the parsed dmn-moddle definitions
 * for evaluation. dmn-moddle reads DMN 1.3; DMN 1.1 and 1.2 documents (which real Zeebe also accepts) are read
 * by mapping their model namespace to DMN 1.3's, the elements a decision table uses being the same.
 */
import { DmnModdle } from 'dmn-moddle';

import type { DecisionRequirements } from '../types.js';
import { err, ok, type Result } from '../../result.js';
import { children, idOf, isNode, text } from '../moddle-node.js';
import { describeWarning, messageOf } from '../moddle-warning.js';
import type { DecisionModel } from './decision-model.js';
import { readDecision } from './read-decision.js';

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const OLDER_NAMESPACES = ['http://www.omg.org/spec/DMN/20151101/dmn.xsd', 'http://www.omg.org/spec/DMN/20180521/MODEL/'];

/** Reads the XML; the error is the reason, without the resource name. */
async function readDmn(xml: string): Promise<Result<unknown, string>> {
  const upgraded = OLDER_NAMESPACES.reduce((text, namespace) => text.split(`"${namespace}"`).join(`"${DMN13}"`), xml);
  try {
    const parsed = await new DmnModdle().fromXML(upgraded.replace(/^\uFEFF/, ''), 'dmn:Definitions');
    const fatal = parsed.warnings.map(messageOf).find((message) => !message.startsWith('unresolved reference'));
    return fatal === undefined ? ok(parsed.rootElement) : err(describeWarning(fatal));
  } catch (error: unknown) {
    const warnings = (error as { warnings?: unknown } | null)?.warnings;
    const first = Array.isArray(warnings) && warnings.length > 0 ? `: ${describeWarning(messageOf(warnings[0]))}` : '';
    return err(`${describeWarning(messageOf(error))}${first}`);
  }
}

/** Parses a DMN resource into its decision requirements graph; the reasons are this engine's words, not dmn-scala's. */
export async function parseDmn(name: string, content: Buffer): Promise<Result<DecisionRequirements, string>> {
  const read = await readDmn(content.toString('utf8'));
  if (!read.ok) {
    return err(`'${name}': Failed to parse DMN: ${read.error}`);
  }
  const definitions = read.value;
  if (!isNode(definitions) || definitions.$type !== 'dmn:Definitions') {
    return err(`'${name}': Failed to parse DMN: expected the root element to be <definitions>`);
  }
  const id = idOf(definitions);
  if (id === undefined) {
    return err(`'${name}': Expected the decision requirements graph to have an id, but none given`);
  }
  const decisionElements = children(definitions, 'drgElement').filter((element) => element.$type === 'dmn:Decision');
  if (decisionElements.length === 0) {
    return err(`'${name}': Expected the decision requirements graph '${id}' to contain at least one decision, but none found`);
  }
  const decisions = [];
  const models = new Map<string, DecisionModel>();
  for (const decision of decisionElements) {
    const decisionId = idOf(decision);
    if (decisionId === undefined) {
      return err(`'${name}': Expected every decision to have an id, but a decision has none`);
    }
    const decisionName = text(decision, 'name') ?? '';
    const model = readDecision(decision, decisionId, decisionName);
    if (!model.ok) return err(`'${name}': ${model.error}`);
    decisions.push({ id: decisionId, name: decisionName });
    models.set(decisionId, model.value);
  }
  return ok({ id, name: text(definitions, 'name') ?? '', decisions, definitions, models });
}
