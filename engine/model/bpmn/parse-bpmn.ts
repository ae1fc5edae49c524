/**
 * A BPMN resource: every executable process in it, validated, or the whole list of problems worded as real
 * Zeebe's deployment rejection (`'<name>': - Element: <id>\n    - ERROR: <message>\n...`). Non-executable
 * processes are skipped without validation, as in real Zeebe since 8.2; a file without an executable process is
 * rejected.
 */
import type { ExecutableProcess } from '../types.js';
import { err, ok, type Result } from '../../result.js';
import { children, flag } from '../moddle-node.js';
import { formatProblems, problemAt, type Problem } from '../problems.js';
import { buildProcess } from './build-process.js';
import { checkThrownEscalations } from './escalations.js';
import { checkStartMessageReferences } from './name-duplicates.js';
import { readBpmn } from './read-bpmn.js';

/** Parses and validates a BPMN resource. */
export async function parseBpmn(name: string, content: Buffer): Promise<Result<readonly ExecutableProcess[], string>> {
  const document = await readBpmn(content.toString('utf8'));
  if (!document.ok) {
    // this engine's wording: Zeebe's reason is its XML parser's own (e.g. `cvc-complex-type.2.4.a: ...`)
    return err(`'${name}': Failed to parse BPMN: ${document.error}`);
  }
  const { definitions, references } = document.value;
  const executable = children(definitions, 'rootElements').filter(
    (element) => element.$type === 'bpmn:Process' && flag(element, 'isExecutable') === true,
  );
  if (executable.length === 0) {
    return err(formatProblems(name, [problemAt(definitions, 'Must contain at least one executable process')]));
  }
  const problems: Problem[] = [];
  const processes = executable.map((process) => buildProcess(process, references, problems));
  checkThrownEscalations(executable, problems);
  checkStartMessageReferences(children(definitions, 'rootElements'), problems);
  return problems.length > 0 ? err(formatProblems(name, problems)) : ok(processes);
}
