// What the agent remembers about operation ids, so that a repeated id gets the
// same answer instead of a second execution. Bounded: the oldest entries go first.
import type { SimRefusal } from './sim-refusal';

export type JournalEntry = {
  /** What the request was about, e.g. "StartVm vm-1": an id reused for another request is refused. */
  fingerprint: string;
  /** accepted: running; done: finished (either outcome). A crash forgets accepted entries. */
  phase: 'accepted' | 'done';
} & ({ outcome: 'ok'; response: Record<string, string> } | { outcome: 'refused'; refusal: SimRefusal });

export class OperationJournal {
  private readonly entries = new Map<string, JournalEntry>();

  constructor(private readonly capacity = 10_000) {}

  get(operationId: string): JournalEntry | undefined {
    return this.entries.get(operationId);
  }

  record(operationId: string, entry: JournalEntry): void {
    this.entries.delete(operationId);
    this.entries.set(operationId, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /** The newest `limit` entries, oldest first (the order `record` rebuilds them in). */
  recent(limit: number): Array<[string, JournalEntry]> {
    const all = [...this.entries];
    return all.slice(Math.max(0, all.length - limit));
  }

  markDone(operationId: string): void {
    const entry = this.entries.get(operationId);
    if (entry) entry.phase = 'done';
  }

  /**
   * After a crash: operations that never finished are forgotten, so that the
   * control plane's retry with the same id runs them again.
   */
  forgetUnfinished(): void {
    for (const [operationId, entry] of this.entries) if (entry.phase === 'accepted') this.entries.delete(operationId);
  }
}
