import type { Cluster, DrsRecommendation } from '../domain/cluster';
import type { Host } from '../domain/host';
import { createLoaders, type LoaderSources } from './loaders';

function fakeHost(id: string, clusterId: string | null = null): Host {
  return {
    id,
    hostname: id,
    agentAddress: `${id}:7443`,
    agentVersion: null,
    capabilities: [],
    labels: {},
    phase: 'READY',
    schedulable: true,
    capacity: { vcpus: 8, memoryMib: 8192 },
    allocatable: { vcpus: 16, memoryMib: 12288 },
    allocated: { vcpus: 0, memoryMib: 0 },
    usage: null,
    lastHeartbeatAt: null,
    clusterId,
    createdAt: new Date(0),
  };
}

/** Fake storages that record each batch they are asked for. */
function fakeSources(hosts: Host[]) {
  const calls: { method: string; keys: readonly string[] }[] = [];
  const sources: LoaderSources = {
    hosts: {
      findByIds: async (ids) => {
        calls.push({ method: 'hosts.findByIds', keys: ids });
        return hosts.filter((h) => ids.includes(h.id));
      },
      readyHostsByCluster: async (ids) => {
        calls.push({ method: 'hosts.readyHostsByCluster', keys: ids });
        const map = new Map<string, Host[]>();
        for (const h of hosts) if (h.clusterId && ids.includes(h.clusterId)) map.set(h.clusterId, [...(map.get(h.clusterId) ?? []), h]);
        return map;
      },
    },
    clusters: { findByIds: async (): Promise<Cluster[]> => [] },
    recommendations: {
      findByIds: async (): Promise<DrsRecommendation[]> => [],
      countPendingByCluster: async (ids) => {
        calls.push({ method: 'recommendations.countPendingByCluster', keys: ids });
        return new Map([['c1', 2]]);
      },
    },
  };
  return { sources, calls };
}

describe('createLoaders', () => {
  it('fetches the hosts asked for in one tick with one storage call, in key order', async () => {
    const { sources, calls } = fakeSources([fakeHost('a'), fakeHost('b')]);
    const loaders = createLoaders(sources);
    const got = await Promise.all([loaders.hostById.load('b'), loaders.hostById.load('missing'), loaders.hostById.load('a')]);
    expect(got.map((h) => h?.id ?? null)).toEqual(['b', null, 'a']);
    expect(calls).toEqual([{ method: 'hosts.findByIds', keys: ['b', 'missing', 'a'] }]);
  });

  it('caches a host for the rest of the request', async () => {
    const { sources, calls } = fakeSources([fakeHost('a')]);
    const loaders = createLoaders(sources);
    await loaders.hostById.load('a');
    await loaders.hostById.load('a');
    expect(calls).toHaveLength(1);
  });

  it('groups READY hosts per cluster in one call, empty for a cluster without any', async () => {
    const { sources, calls } = fakeSources([fakeHost('a', 'c1'), fakeHost('b', 'c1'), fakeHost('c', 'c2')]);
    const loaders = createLoaders(sources);
    const [c1, c3] = await Promise.all([loaders.readyHostsByClusterId.load('c1'), loaders.readyHostsByClusterId.load('c3')]);
    expect(c1.map((h) => h.id)).toEqual(['a', 'b']);
    expect(c3).toEqual([]);
    expect(calls).toEqual([{ method: 'hosts.readyHostsByCluster', keys: ['c1', 'c3'] }]);
  });

  it('counts pending recommendations per cluster in one call, 0 for a cluster without any', async () => {
    const { sources, calls } = fakeSources([]);
    const loaders = createLoaders(sources);
    const counts = await Promise.all([loaders.pendingRecommendationCountByClusterId.load('c1'), loaders.pendingRecommendationCountByClusterId.load('c2')]);
    expect(counts).toEqual([2, 0]);
    expect(calls).toHaveLength(1);
  });

  it('builds fresh caches for each request', async () => {
    const { sources, calls } = fakeSources([fakeHost('a')]);
    await createLoaders(sources).hostById.load('a');
    await createLoaders(sources).hostById.load('a');
    expect(calls).toHaveLength(2);
  });
});
