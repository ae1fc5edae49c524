import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPO_ROOT } from '../support/cli.js';

/**
 * The repo's JSON schema of results files, compiled by ajv in strict mode (a schema mistake fails too), except
 * `strictRequired`: the conditional `required`s name properties declared beside them, not inside the `then`.
 */
export function resultsSchemaProblems(value: unknown): string[] {
  const schema = JSON.parse(readFileSync(`${REPO_ROOT}reports/results.schema.json`, 'utf8')) as object;
  const validate = new Ajv2020({ strict: true, strictRequired: false, allErrors: true }).compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
