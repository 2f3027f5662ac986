// Deterministic randomness for the simulator: the same seed gives the same fleet
// (capacities, noise, latencies, ids), so a failing scenario can be replayed.
import { createHash } from 'node:crypto';

/** mulberry32: tiny, fast and good enough for simulation (not for secrets). */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream derived from this seed and a label (e.g. a host name). */
  static derive(seed: number, label: string): SeededRandom {
    const digest = createHash('sha256').update(`${seed}:${label}`).digest();
    return new SeededRandom(digest.readUInt32BE(0));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Lower-case hex of `bytes` random bytes, for ids. */
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i += 1) out += Math.floor(this.next() * 256).toString(16).padStart(2, '0');
    return out;
  }
}
