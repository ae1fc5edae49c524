import type { TopologyOptions } from '../options.js';

/** The Topology answer for the configured cluster: partitions spread round-robin, each with one leader. */
export function topologyResponse(topology: TopologyOptions, host: string, basePort: number): unknown {
  const brokers = Array.from({ length: topology.brokers }, (_, nodeId) => ({
    nodeId,
    host,
    port: basePort + 1 + nodeId,
    version: topology.gatewayVersion,
    partitions: partitionsOf(nodeId, topology),
  }));
  return {
    brokers,
    clusterSize: topology.brokers,
    partitionsCount: topology.partitions,
    replicationFactor: topology.replicationFactor,
    gatewayVersion: topology.gatewayVersion,
  };
}

/** Partition p (1-based) lives on brokers p-1 .. p-1+rf-1 (mod n); the first of them leads. */
function partitionsOf(nodeId: number, t: TopologyOptions): { partitionId: number; role: string; health: string }[] {
  const partitions = [];
  for (let partitionId = 1; partitionId <= t.partitions; partitionId++) {
    for (let replica = 0; replica < Math.min(t.replicationFactor, t.brokers); replica++) {
      if ((partitionId - 1 + replica) % t.brokers === nodeId) {
        partitions.push({ partitionId, role: replica === 0 ? 'LEADER' : 'FOLLOWER', health: 'HEALTHY' });
      }
    }
  }
  return partitions;
}
