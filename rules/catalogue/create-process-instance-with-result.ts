/** CreateProcessInstanceWithResult: lookup, start event, variables and tenant rules (fields under `request`). */
import type { Rule } from '../types.js';
import { creationRules } from './process-creation.js';

export const rules: readonly Rule[] = creationRules('CreateProcessInstanceWithResult');
