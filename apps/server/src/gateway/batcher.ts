import { EventEmitter } from 'node:events';

export interface BatcherOptions<T> {
  /** Writes one batch; resolves after commit. */
  write(items: readonly T[]): Promise<void>;
  /** Flush when this many items wait (default 2000). */
  maxBatchItems?: number;
  /** Flush at most this long after the first waiting item (default 20 ms). */
  maxDelayMs?: number;
  /** Above this many waiting items the batcher reports itself full (default 20 000). */
  maxQueuedItems?: number;
  /** Called when a batch fails; its items' promises reject too. */
  onError?(err: unknown, size: number): void;
  /** Called after a batch has committed and its items' promises resolved (the live feed); errors are ignored. */
  onCommitted?(items: readonly T[]): void;
}

interface Pending<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Collects items from many connections and writes them in batches, one batch at a time. `add` resolves
 * once the item's batch has committed, which is when the gateway may acknowledge it. When more than
 * `maxQueuedItems` wait, `full` is true and connections pause reading until `drain` is emitted.
 */
export class Batcher<T> extends EventEmitter {
  private queue: Pending<T>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing = false;
  private closed = false;
  readonly maxBatchItems: number;
  readonly maxDelayMs: number;
  readonly maxQueuedItems: number;
  /** Totals since start (status page and benchmarks). */
  readonly stats = { batches: 0, items: 0, failedBatches: 0, maxBatch: 0 };

  constructor(private readonly options: BatcherOptions<T>) {
    super();
    this.maxBatchItems = options.maxBatchItems ?? 2000;
    this.maxDelayMs = options.maxDelayMs ?? 20;
    this.maxQueuedItems = options.maxQueuedItems ?? 20_000;
  }

  get queued(): number {
    return this.queue.length;
  }

  get full(): boolean {
    return this.queue.length >= this.maxQueuedItems;
  }

  add(item: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error('batcher closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxBatchItems) this.kick();
      else if (!this.timer && !this.writing) this.timer = setTimeout(() => this.kick(), this.maxDelayMs);
    });
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.writing || this.queue.length === 0) return;
    void this.flushOnce();
  }

  private async flushOnce(): Promise<void> {
    this.writing = true;
    const wasFull = this.full;
    const batch = this.queue.splice(0, this.maxBatchItems);
    // Taking a batch out makes room at once: paused sockets may read while it is written.
    if (wasFull && !this.full) this.emit('drain');
    try {
      await this.options.write(batch.map((p) => p.item));
      this.stats.batches++;
      this.stats.items += batch.length;
      this.stats.maxBatch = Math.max(this.stats.maxBatch, batch.length);
      for (const p of batch) p.resolve();
      this.notifyCommitted(batch);
    } catch (err) {
      this.stats.failedBatches++;
      this.options.onError?.(err, batch.length);
      for (const p of batch) p.reject(err);
    } finally {
      this.writing = false;
      if (!this.full) this.emit('drain');
      // Whatever arrived during the write goes out at once: the write time was its wait.
      if (this.queue.length > 0) this.kick();
      else if (this.closed) this.emit('idle');
    }
  }

  /** A listener's failure must never turn a committed batch into a failed one. */
  private notifyCommitted(batch: readonly Pending<T>[]): void {
    if (!this.options.onCommitted) return;
    try {
      this.options.onCommitted(batch.map((p) => p.item));
    } catch {
      // The data is stored and acknowledged; a broken listener only misses this batch.
    }
  }

  /** Writes everything still waiting, then refuses new items. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.queue.length === 0 && !this.writing) return;
    await new Promise<void>((resolve) => {
      this.once('idle', resolve);
      this.kick();
    });
  }
}

/**
 * Several batchers writing side by side, each item going to the lane of its key (the MN): batches of different
 * lanes commit concurrently on their own connections, while the items of one key keep their order — a resend
 * can never be overtaken by the value it replaces. With one lane it is a plain Batcher.
 */
export class LanedBatcher<T> extends EventEmitter {
  private readonly lanes: Batcher<T>[];

  constructor(
    options: BatcherOptions<T>,
    laneCount: number,
    private readonly keyOf: (item: T) => string | null,
  ) {
    super();
    const perLane = Math.max(1, Math.floor((options.maxQueuedItems ?? 20_000) / laneCount));
    this.lanes = Array.from({ length: Math.max(1, laneCount) }, () => {
      const lane = new Batcher<T>({ ...options, maxQueuedItems: perLane });
      lane.on('drain', () => {
        if (!this.full) this.emit('drain');
      });
      return lane;
    });
  }

  get laneCount(): number {
    return this.lanes.length;
  }

  get queued(): number {
    return this.lanes.reduce((n, l) => n + l.queued, 0);
  }

  /** Full when any lane is: its sockets must wait, and which sockets feed which lane is not known. */
  get full(): boolean {
    return this.lanes.some((l) => l.full);
  }

  get stats(): Batcher<T>['stats'] {
    const sum = { batches: 0, items: 0, failedBatches: 0, maxBatch: 0 };
    for (const l of this.lanes) {
      sum.batches += l.stats.batches;
      sum.items += l.stats.items;
      sum.failedBatches += l.stats.failedBatches;
      sum.maxBatch = Math.max(sum.maxBatch, l.stats.maxBatch);
    }
    return sum;
  }

  add(item: T): Promise<void> {
    return this.laneOf(this.keyOf(item)).add(item);
  }

  private laneOf(key: string | null): Batcher<T> {
    if (this.lanes.length === 1 || key === null) return this.lanes[0]!;
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return this.lanes[(h >>> 0) % this.lanes.length]!;
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.close()));
  }
}
