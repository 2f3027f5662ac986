// Runs a simulated fleet until interrupted, printing where each host listens.
//   npm run agent:sim -- --count 100 --seed 42 --base-port 17000 --latency-scale 1
import { ensureClusterPki } from '../src/tls/cluster-pki';
import { parseSimConfig, SIM_USAGE } from './sim-config';
import { startSimulatedFleet } from './simulated-fleet';

async function main(): Promise<void> {
  const parsed = parseSimConfig(process.argv.slice(2));
  if (!parsed.ok) {
    for (const problem of parsed.problems) console.error(problem);
    console.error(SIM_USAGE);
    process.exit(2);
  }
  const config = parsed.config;
  const startedAt = performance.now();
  const pki = await ensureClusterPki(config.pkiDir);
  const fleet = await startSimulatedFleet({
    count: config.count,
    seed: config.seed,
    pki,
    basePort: config.basePort,
    latencyScale: config.latencyScale,
    heartbeatMs: config.heartbeatMs,
    hostnamePrefix: config.hostnamePrefix,
    bindAddress: config.bindAddress,
  });
  const hosts = fleet.hosts.map((host) => ({ hostname: host.hostname, address: host.address, hostId: host.hostId, ...host.capacity }));
  if (config.output === 'json') {
    console.log(JSON.stringify({ pkiDir: config.pkiDir, hosts }, null, 2));
  } else {
    for (const host of hosts) console.log(`${host.hostname}\t${host.address}\t${host.hostId}\tvcpus=${host.vcpus}\tmemoryMib=${host.memoryMib}`);
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  const rssMib = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.error(`${hosts.length} simulated hosts up in ${seconds} s, RSS ${rssMib} MiB; CA and control-plane certificate in ${config.pkiDir}`);

  const shutdown = () => {
    fleet.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
