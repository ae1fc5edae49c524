/**
 * A form resource: a JSON object with an `id`, checked like real Zeebe's `FormResourceTransformer` (Jackson
 * reads the id as a string, so a number or boolean id becomes its text; other JSON types fail to parse).
 */
import type { FormInfo } from '../types.js';
import { err, ok, type Result } from '../../result.js';

/** The form id as Jackson would read it into a String field, or an error reason. */
function readId(form: Readonly<Record<string, unknown>>): Result<string | undefined, string> {
  const id = form['id'];
  if (id === undefined || id === null) {
    return ok(undefined);
  }
  if (typeof id === 'string') {
    return ok(id);
  }
  if (typeof id === 'number' || typeof id === 'boolean') {
    return ok(String(id));
  }
  return err(`Expected the form id to be a string, but found ${Array.isArray(id) ? 'an array' : 'an object'}`);
}

/** Parses a form resource. */
export function parseForm(name: string, content: Buffer): Result<FormInfo, string> {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error: unknown) {
    return err(`Failed to parse form JSON. '${name}': ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(`Failed to parse form JSON. '${name}': Expected a JSON object, but found ${Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const id = readId(json as Readonly<Record<string, unknown>>);
  if (!id.ok) {
    return err(`Failed to parse form JSON. '${name}': ${id.error}`);
  }
  if (id.value === undefined) {
    return err('Expected the form id to be present, but none given');
  }
  if (id.value.trim() === '') {
    return err('Expected the form id to be filled, but it is blank');
  }
  return ok({ id: id.value });
}
