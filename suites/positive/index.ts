/** The positive properties of every RPC a run can exercise from outside, and the ones it cannot (with the reason). */
import type { RpcName } from '../../rules/index.js';
import { INSTANCE_PROPERTIES } from './instance-properties.js';
import { JOB_PROPERTIES } from './job-properties.js';
import { MODIFICATION_PROPERTIES } from './modification-properties.js';
import type { AnyPositiveProperty } from './positive-property.js';
import { RESOURCE_PROPERTIES } from './resource-properties.js';

export type { AnyPositiveProperty, PositiveResult, Tenancy } from './positive-property.js';

/** One positive property per RPC, in the order a reader meets the RPCs on the page. */
export const POSITIVE_PROPERTIES: readonly AnyPositiveProperty[] = [...RESOURCE_PROPERTIES, ...INSTANCE_PROPERTIES, ...JOB_PROPERTIES, ...MODIFICATION_PROPERTIES];

/** RPCs without a positive property, and why. */
export const WITHOUT_POSITIVE_PROPERTY: Readonly<Partial<Record<RpcName, string>>> = {
  ResolveIncident: 'the gateway API never names an incident key, so a client cannot find an incident to resolve',
};
