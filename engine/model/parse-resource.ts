/**
 * Turns a deployed resource (name and bytes) into an executable, validated model, or the reason real Zeebe
 * would give for rejecting it. The resource type comes from the name's suffix, as in real Zeebe's
 * `DeploymentTransformer`: `.bpmn` and `.xml` are BPMN, `.dmn` is DMN, `.form` is a form.
 */
import { createHash } from 'node:crypto';

import { err, ok, type Result } from '../result.js';
import { parseBpmn } from './bpmn/parse-bpmn.js';
import { parseDmn } from './dmn/parse-dmn.js';
import { parseForm } from './form/parse-form.js';
import type { ParsedResource } from './types.js';

type Parser = (name: string, content: Buffer, checksum: string) => Promise<Result<ParsedResource, string>>;

const bpmn: Parser = async (name, content, checksum) => {
  const parsed = await parseBpmn(name, content);
  return parsed.ok ? ok({ kind: 'bpmn', processes: parsed.value, checksum }) : parsed;
};

const dmn: Parser = async (name, content, checksum) => {
  const parsed = await parseDmn(name, content);
  return parsed.ok ? ok({ kind: 'dmn', drg: parsed.value, checksum }) : parsed;
};

const form: Parser = (name, content, checksum) => {
  const parsed = parseForm(name, content);
  return Promise.resolve(parsed.ok ? ok({ kind: 'form', form: parsed.value, checksum }) : parsed);
};

const PARSERS: readonly (readonly [string, Parser])[] = [['.bpmn', bpmn], ['.xml', bpmn], ['.dmn', dmn], ['.form', form]];

/**
 * Parses and validates a deployed resource. The checksum is the sha256 hex of the bytes (an identical
 * redeploy keeps its version). An error is the whole reason for this resource, e.g.
 * `'order.bpmn': - Element: ServiceTask_1\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n`
 * (validation errors end with a newline, as real Zeebe's do).
 */
export async function parseResource(name: string, content: Buffer): Promise<Result<ParsedResource, string>> {
  const parser = PARSERS.find(([suffix]) => name.endsWith(suffix))?.[1];
  if (parser === undefined) {
    // Zeebe's own text starts with a line break, so the rejection shows an empty line before it
    return err(`\n'${name}': unknown resource type`);
  }
  return parser(name, content, createHash('sha256').update(content).digest('hex'));
}
