/** DeployProcess (deprecated, not on the page): the real gateway refuses a deployment without resources. */
import { both, realRule } from '../build.js';
import type { Rule } from '../types.js';

export const rules: readonly Rule[] = [
  realRule({
    rpc: 'DeployProcess',
    segment: 'INVALID_ARGUMENT',
    name: 'no-resources',
    layer: 'gateway',
    condition: '`processes` is the empty list.',
    expect: both('INVALID_ARGUMENT', "the page does not document the deprecated DeployProcess; read as DeployResource's 'No resources given.', which the real broker applies to both"),
  }),
];
