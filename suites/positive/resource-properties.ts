/** Positive properties of deployment, deletion and topology: what was deployed is named back, well-formed. */
import fc from 'fast-check';
import { oneTaskProcess } from '../cases/models.js';
import { positive, type AnyPositiveProperty, type Exchange } from './positive-property.js';
import { empty, equals, fieldsOf, intAtLeast, key, keyAndTenant, listOf, nonEmpty, oneOf, type Problems } from './shape.js';

/** Resource names: plain, with spaces and folders, and non-ASCII. */
const resourceName = fc.constantFrom('', 'my process', 'folder/sub', 'prozeß-ü', '流程', 'a.b.c').map((stem) => `${stem}.bpmn`);

/** One process's metadata in a deployment answer, against the deployed resource. */
function processProblems(deployment: unknown, bpmnProcessId: string, resourceName: string, tenantId: string): Problems {
  const process = fieldsOf(fieldsOf(deployment)['process']);
  return [
    ...equals('process.bpmnProcessId', process['bpmnProcessId'], bpmnProcessId),
    ...equals('process.version', process['version'], 1),
    ...key('process.processDefinitionKey', process['processDefinitionKey']),
    ...equals('process.resourceName', process['resourceName'], resourceName),
    ...equals('process.tenantId', process['tenantId'], tenantId),
  ];
}

const deployResource = positive({
  rpc: 'DeployResource',
  varies: 'resource names, how many processes in one deployment',
  maxRuns: 10,
  input: fc.array(resourceName, { minLength: 1, maxLength: 3 }),
  exercise: async (fx, names, tenancy): Promise<Exchange> => {
    const resources = names.map((name, i) => {
      const id = fx.uniqueId('deploy');
      return { id, name: `${i}-${name}`, content: oneTaskProcess(id, id) };
    });
    const request = { resources: resources.map(({ name, content }) => ({ name, content })), tenantId: tenancy.tenantId };
    const outcome = await fx.call('DeployResource', request);
    const answer = fieldsOf(outcome.responses[0]);
    const deployments = (answer['deployments'] as unknown[] | undefined) ?? [];
    const problems = [
      ...keyAndTenant(answer, tenancy.expected),
      ...listOf('deployments', deployments, resources.length),
      ...resources.flatMap((r, i) => processProblems(deployments[i], r.id, r.name, tenancy.expected)),
    ];
    return { request, outcome, problems };
  },
});

const deployProcess = positive({
  rpc: 'DeployProcess',
  varies: 'resource names',
  maxRuns: 5,
  input: resourceName,
  exercise: async (fx, name): Promise<Exchange> => {
    const id = fx.uniqueId('legacy');
    const request = { processes: [{ name, definition: oneTaskProcess(id, id) }] };
    const outcome = await fx.call('DeployProcess', request);
    const answer = fieldsOf(outcome.responses[0]);
    const processes = (answer['processes'] as unknown[] | undefined) ?? [];
    const problems = [...key('key', answer['key']), ...listOf('processes', processes, 1), ...processProblems({ process: processes[0] }, id, name, '<default>')];
    return { request, outcome, problems };
  },
});

const deleteResource = positive({
  rpc: 'DeleteResource',
  varies: 'nothing: a deployed process without instances',
  maxRuns: 3,
  input: fc.constant(null),
  exercise: async (fx): Promise<Exchange> => {
    const request = { resourceKey: (await fx.deploy()).processDefinitionKey };
    const outcome = await fx.call('DeleteResource', request);
    return { request, outcome, problems: empty(outcome.responses[0]) };
  },
});

/** A topology: a cluster of at least one broker, every partition of `partitionsCount` served, every field in range. */
function topologyProblems(response: unknown): Problems {
  const t = fieldsOf(response);
  const brokers = (t['brokers'] as unknown[] | undefined) ?? [];
  const count = Number(t['partitionsCount']);
  const served = new Set(brokers.flatMap((b) => ((fieldsOf(b)['partitions'] as unknown[] | undefined) ?? []).map((p) => fieldsOf(p)['partitionId'])));
  const missing = Array.from({ length: Number.isInteger(count) ? count : 0 }, (_, i) => i + 1).filter((id) => !served.has(id));
  return [
    ...intAtLeast('clusterSize', t['clusterSize'], 1),
    ...intAtLeast('partitionsCount', t['partitionsCount'], 1),
    ...intAtLeast('replicationFactor', t['replicationFactor'], 1),
    ...nonEmpty('gatewayVersion', t['gatewayVersion']),
    ...(brokers.length > 0 ? [] : ['brokers is empty']),
    ...(missing.length === 0 ? [] : [`partitions ${missing.join(', ')} are served by no broker`]),
    ...brokers.flatMap((b, i) => brokerProblems(b, `brokers[${i}]`, count)),
  ];
}

function brokerProblems(broker: unknown, at: string, partitionsCount: number): Problems {
  const b = fieldsOf(broker);
  const partitions = (b['partitions'] as unknown[] | undefined) ?? [];
  return [
    ...intAtLeast(`${at}.nodeId`, b['nodeId'], 0),
    ...nonEmpty(`${at}.host`, b['host']),
    ...intAtLeast(`${at}.port`, b['port'], 1),
    ...partitions.flatMap((p, j) => {
      const partition = fieldsOf(p);
      const id = partition['partitionId'];
      return [
        ...(typeof id === 'number' && id >= 1 && id <= partitionsCount ? [] : [`${at}.partitions[${j}].partitionId ${String(id)} is outside 1..${partitionsCount}`]),
        ...oneOf(`${at}.partitions[${j}].role`, partition['role'], ['LEADER', 'FOLLOWER', 'INACTIVE']),
        ...oneOf(`${at}.partitions[${j}].health`, partition['health'], ['HEALTHY', 'UNHEALTHY', 'DEAD']),
      ];
    }),
  ];
}

const topology = positive({
  rpc: 'Topology',
  varies: 'nothing (asked a few times)',
  maxRuns: 3,
  input: fc.constant(null),
  exercise: async (fx): Promise<Exchange> => {
    const outcome = await fx.call('Topology', {});
    return { request: {}, outcome, problems: topologyProblems(outcome.responses[0]) };
  },
});

/** The positive properties of deployment, deletion and topology. */
export const RESOURCE_PROPERTIES: readonly AnyPositiveProperty[] = [deployResource, deployProcess, deleteResource, topology];
