/**
 * A subscriber's buffer: an async iterator over pushed events, bounded so that one slow
 * subscriber cannot grow memory without limit. When full, the oldest event is dropped:
 * delivery over pub/sub is at-most-once anyway, and clients re-query after a gap.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly waiting: Array<(r: IteratorResult<T>) => void> = [];
  private closed = false;
  dropped = 0;
  /** Resolves when the subscription is live at the broker (Redis confirms asynchronously). */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly capacity: number, private readonly onClose: () => void = () => undefined) {}

  push(item: T): void {
    if (this.closed) return;
    const waiter = this.waiting.shift();
    if (waiter) {
      waiter({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped += 1;
    }
    this.items.push(item);
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.items.length = 0;
    for (const w of this.waiting.splice(0)) w({ value: undefined, done: true });
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
