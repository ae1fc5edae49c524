/** Topology: the page says "No specific errors." (the Gateway-wide authentication rules still apply). */
import type { Rule } from '../types.js';

export const rules: readonly Rule[] = [];
