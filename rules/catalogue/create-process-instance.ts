/** CreateProcessInstance: the page lists no errors here; the WithResult bullets are read across (see process-creation). */
import type { Rule } from '../types.js';
import { creationRules } from './process-creation.js';

export const rules: readonly Rule[] = creationRules('CreateProcessInstance');
