// The state file of a simulated fleet: read once at start, written after changes.
// Never fatal: the simulator runs inside the control plane in the embedded mode, so
// an unreadable file or a full disk costs the demo its memory, with a warning, and
// nothing more.
//
// Writes are synchronous on purpose. A write is then never interleaved with another,
// so the newest state always wins, and the final write in stop() is done before a
// caller's process.exit(). The file is small (a demo fleet, a bounded journal), and
// changes are coalesced, so the event loop rarely notices.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FLEET_STATE_VERSION, FleetStateSchema, type FleetState, type PersistedHost } from './fleet-state.schema';

/** Where the simulator reports problems with its state file. */
export interface SimLogger {
  warn(message: string): void;
}

export interface FleetStateFileOptions {
  path: string;
  /** The whole fleet's state, as it is now; called at each write. */
  capture: () => FleetState['hosts'];
  logger: SimLogger;
  /** Changes within this many ms after the first one go into one write. */
  writeDelayMs: number;
}

/**
 * The hosts saved at `path`. Nothing when there is no file yet; nothing and one warning
 * when it cannot be read or is not a state file this simulator wrote, which is then kept
 * beside it as `<path>.corrupt` for inspection (the next write replaces `path`).
 */
export function loadFleetState(path: string, logger: SimLogger): Record<string, PersistedHost> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    logger.warn(`simulated fleet: cannot read ${path} (${describe(error)}); starting with no VMs`);
    return {};
  }
  let problem: string;
  try {
    const parsed = FleetStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.hosts;
    const issue = parsed.error.issues[0];
    problem = `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`;
  } catch (error) {
    problem = describe(error);
  }
  let keptAs = '';
  try {
    renameSync(path, `${path}.corrupt`);
    keptAs = `; kept as ${path}.corrupt`;
  } catch {}
  logger.warn(`simulated fleet: ${path} is not a version ${FLEET_STATE_VERSION} state file (${problem}); starting with no VMs${keptAs}`);
  return {};
}

export class FleetStateFile {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Set after a failed write, so a broken disk warns once, not four times a second. */
  private failing = false;

  constructor(private readonly options: FleetStateFileOptions) {}

  /** Something changed: write within writeDelayMs. Ignored once closed. */
  schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.options.writeDelayMs);
    // A pending write must not keep a process alive; stop() writes what is left.
    this.timer.unref();
  }

  /** Writes now if a write is scheduled. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  /** Writes the final state (unless `write` is false) and ignores every later change. */
  close({ write }: { write: boolean }): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (write) this.write();
    this.closed = true;
  }

  private write(): void {
    const { path, capture, logger } = this.options;
    // One temporary name per process: writes are synchronous, so they never share it.
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      const state: FleetState = { version: FLEET_STATE_VERSION, hosts: capture() };
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, path); // atomic: a reader sees the old file or the new one, never half of one
      this.failing = false;
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {}
      if (!this.failing) logger.warn(`simulated fleet: cannot write ${path} (${describe(error)}); VMs created now may be lost on restart`);
      this.failing = true;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
