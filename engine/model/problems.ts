/**
 * Validation problems and their text, in real Zeebe's format (`ValidationErrorFormatter`): one
 * `- Element: <path>` line per element, then one `    - ERROR: <message>` line per problem, each line ending in
 * a newline, the whole prefixed with `'<resource name>': `.
 */
import { elementPath, idOf, type ModdleNode } from './moddle-node.js';

/** One problem: the element it is about (as Zeebe names it) and what is wrong. */
export interface Problem {
  readonly element: string;
  readonly message: string;
}

/** A problem about a moddle element. */
export function problemAt(node: ModdleNode, message: string): Problem {
  return { element: elementPath(node), message };
}

/** A problem about an element named by its id. */
export function problemOn(element: string, message: string): Problem {
  return { element, message };
}

/** The message this engine uses for an element real Zeebe executes but this engine does not yet. */
export function unsupportedMessage(id: string, type: string, qualifier?: string): string {
  const what = qualifier === undefined ? '' : ` with '${qualifier}'`;
  return `Element '${id}' of type '${type}'${what} is not supported by this engine yet`;
}

/** An unsupported-element problem about a moddle element. */
export function unsupported(node: ModdleNode, qualifier?: string): Problem {
  return problemAt(node, unsupportedMessage(idOf(node) ?? '', node.$type, qualifier));
}

const isUnsupported = (p: Problem): boolean => p.message.endsWith('is not supported by this engine yet');

/**
 * Formats problems grouped by element, elements in order of their first problem (Zeebe's order is a hash map's). The
 * problems real Zeebe reports come before this engine's "not supported yet" ones, so they lead the report.
 */
export function formatProblems(resourceName: string, problems: readonly Problem[]): string {
  const byElement = new Map<string, string[]>();
  const ordered = [...problems.filter((p) => !isUnsupported(p)), ...problems.filter(isUnsupported)];
  for (const { element, message } of ordered) {
    const messages = byElement.get(element) ?? [];
    messages.push(message);
    byElement.set(element, messages);
  }
  let out = `'${resourceName}': `;
  for (const [element, messages] of byElement) {
    out += `- Element: ${element}\n`;
    for (const message of messages) {
      out += `    - ERROR: ${message}\n`;
    }
  }
  return out;
}
