import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetState, PersistedHost } from './fleet-state.schema';
import { FleetStateFile, loadFleetState } from './fleet-state.storage';
import { pollUntil } from './poll-until';

const host = (boots: number): PersistedHost => ({ boots, powerLost: false, vms: [], operations: [] });
const vm = { spec: { vmId: 'vm-1', name: 'vm-1', vcpus: 1, memoryMib: 512, disks: [], nics: [] }, state: 'VM_STATE_RUNNING', error: '', snapshots: [], rules: [], load: 0.2 };

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, warn: (message: string) => warnings.push(message) };
}

describe('the fleet state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lq-fleet-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty and silent when there is no file yet', () => {
    const logger = recordingLogger();
    expect(loadFleetState(join(dir, 'fleet.json'), logger)).toEqual({});
    expect(logger.warnings).toEqual([]);
  });

  it.each([
    ['is not JSON', '{"version": 1, "hosts": {'],
    ['has another version', JSON.stringify({ version: 2, hosts: {} })],
    ['holds a VM in an unknown state', JSON.stringify({ version: 1, hosts: { h: { ...host(1), vms: [{ ...vm, state: 'ASLEEP' }] } } })],
  ])('starts empty with one warning when the file %s, and keeps the file aside', (_problem, text) => {
    const path = join(dir, 'fleet.json');
    writeFileSync(path, text);
    const logger = recordingLogger();
    expect(loadFleetState(path, logger)).toEqual({});
    expect(logger.warnings).toEqual([expect.stringContaining('starting with no VMs')]);
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(text);
  });

  it('reads back a VM it could have written', () => {
    const path = join(dir, 'fleet.json');
    writeFileSync(path, JSON.stringify({ version: 1, hosts: { h: { ...host(1), vms: [vm] } } }));
    expect(loadFleetState(path, recordingLogger())).toEqual({ h: { ...host(1), vms: [vm] } });
  });

  it('starts empty with one warning when the path cannot be read', () => {
    const logger = recordingLogger();
    expect(loadFleetState(dir, logger)).toEqual({}); // a directory
    expect(logger.warnings).toEqual([expect.stringContaining('cannot read')]);
  });

  it('writes many changes once, after the delay, and reads back what it wrote', async () => {
    const path = join(dir, 'nested', 'fleet.json');
    let captures = 0;
    const file = new FleetStateFile({ path, capture: () => ((captures += 1), { h: host(captures) }), logger: recordingLogger(), writeDelayMs: 5 });
    for (let i = 0; i < 10; i += 1) file.schedule();
    await pollUntil(() => existsSync(path), 'the state file to be written');
    expect(captures).toBe(1);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, hosts: { h: host(1) } } satisfies FleetState);
    expect(loadFleetState(path, recordingLogger())).toEqual({ h: host(1) });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['fleet.json']); // no temporary file left
  });

  it('writes at close, and nothing after it', () => {
    const path = join(dir, 'fleet.json');
    let boots = 1;
    const file = new FleetStateFile({ path, capture: () => ({ h: host(boots) }), logger: recordingLogger(), writeDelayMs: 60_000 });
    file.schedule();
    file.close({ write: true });
    expect(loadFleetState(path, recordingLogger())).toEqual({ h: host(1) });
    boots = 2;
    file.schedule();
    file.flush();
    expect(loadFleetState(path, recordingLogger())).toEqual({ h: host(1) });
  });

  it('warns once while writes keep failing, and never throws', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const logger = recordingLogger();
    const file = new FleetStateFile({ path: join(dir, 'a-file', 'fleet.json'), capture: () => ({}), logger, writeDelayMs: 60_000 });
    for (let i = 0; i < 3; i += 1) {
      file.schedule();
      file.flush();
    }
    expect(logger.warnings).toEqual([expect.stringContaining('cannot write')]);
  });
});
