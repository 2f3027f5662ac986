// `npm run bench`: prints the figures the README and issue notes quote.
import 'reflect-metadata';
import { benchPlacement } from './placement.bench';

async function main(): Promise<void> {
  console.log('== placement (in-process scheduler, default profile)');
  for (const f of benchPlacement([1000, 10_000])) {
    console.log(`placement: ${f.hosts} hosts: ${f.perSecond.toFixed(0)} decisions/s (${f.decisions} in ${f.seconds.toFixed(2)} s)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
