import { describe, expect, it } from 'vitest';
import { Batcher, LanedBatcher } from './batcher.js';

/** A write whose batches are recorded and whose commits the test releases one at a time. */
function manualWrite() {
  const batches: number[][] = [];
  const releases: Array<(err?: Error) => void> = [];
  return {
    batches,
    write(items: readonly number[]) {
      batches.push([...items]);
      return new Promise<void>((resolve, reject) => {
        releases.push((err) => (err ? reject(err) : resolve()));
      });
    },
    release(err?: Error) {
      const next = releases.shift();
      if (!next) throw new Error('no batch is being written');
      next(err);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Batcher (the writer stage)', () => {
  it('resolves an item only once its batch has committed', async () => {
    const w = manualWrite();
    const b = new Batcher<number>({ write: (i) => w.write(i), maxBatchItems: 2, maxDelayMs: 1000 });
    let done = false;
    const p = b.add(1).then(() => {
      done = true;
    });
    void b.add(2);
    await tick();
    expect(w.batches).toEqual([[1, 2]]);
    expect(done).toBe(false);
    w.release();
    await p;
    expect(done).toBe(true);
  });

  it('flushes a partial batch after the delay, and what arrived meanwhile right after the commit', async () => {
    const w = manualWrite();
    const b = new Batcher<number>({ write: (i) => w.write(i), maxBatchItems: 100, maxDelayMs: 5 });
    void b.add(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(w.batches).toEqual([[1]]);
    void b.add(2);
    void b.add(3);
    await tick();
    expect(w.batches).toHaveLength(1); // one batch at a time
    w.release();
    await tick();
    expect(w.batches).toEqual([[1], [2, 3]]);
    w.release();
  });

  it('rejects the items of a failed batch, reports it, and goes on with the next', async () => {
    const w = manualWrite();
    const failures: number[] = [];
    const b = new Batcher<number>({
      write: (i) => w.write(i),
      maxBatchItems: 1,
      onError: (_err, size) => failures.push(size),
    });
    const first = b.add(1);
    const second = b.add(2);
    await tick();
    w.release(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    await tick();
    w.release();
    await expect(second).resolves.toBeUndefined();
    expect(failures).toEqual([1]);
    expect(b.stats).toMatchObject({ batches: 1, failedBatches: 1 });
  });

  it('is full beyond its queue limit and emits drain once the writer catches up', async () => {
    const w = manualWrite();
    const b = new Batcher<number>({
      write: (i) => w.write(i),
      maxBatchItems: 2,
      maxQueuedItems: 3,
    });
    for (let i = 0; i < 5; i++) void b.add(i);
    await tick();
    // Two are being written, three wait: the gateway must stop reading sockets.
    expect(b.queued).toBe(3);
    expect(b.full).toBe(true);
    let drained = false;
    b.on('drain', () => {
      drained = true;
    });
    w.release();
    await tick();
    expect(drained).toBe(true);
    expect(b.full).toBe(false);
    w.release();
    await tick();
    w.release();
  });

  it('writes what waits on close and then refuses new items', async () => {
    const written: number[] = [];
    const b = new Batcher<number>({
      write: async (i) => {
        written.push(...i);
      },
      maxBatchItems: 10,
      maxDelayMs: 10_000,
    });
    const p = b.add(7);
    await b.close();
    await p;
    expect(written).toEqual([7]);
    await expect(b.add(8)).rejects.toThrow('batcher closed');
  });

  it('keeps a committed batch committed when the live-feed listener throws', async () => {
    const b = new Batcher<number>({
      write: async () => {},
      maxBatchItems: 1,
      onCommitted: () => {
        throw new Error('listener broke');
      },
    });
    await expect(b.add(1)).resolves.toBeUndefined();
    expect(b.stats).toMatchObject({ batches: 1, failedBatches: 0 });
  });

  it('writes lanes side by side while the items of one key stay in order in one lane', async () => {
    const writes: Array<{ items: string[]; release(): void }> = [];
    const b = new LanedBatcher<string>(
      {
        write: (items) =>
          new Promise<void>((resolve) => writes.push({ items: [...items], release: resolve })),
        maxBatchItems: 2,
        maxDelayMs: 1,
      },
      2,
      (item) => item.split(':')[0]!,
    );
    // Keys chosen to hash to different lanes.
    const keys = ['MN-1', 'MN-2', 'MN-3', 'MN-4', 'MN-5'];
    const laneOf = (k: string) => {
      let h = 0;
      for (let i = 0; i < k.length; i++) h = (h * 31 + k.charCodeAt(i)) | 0;
      return (h >>> 0) % 2;
    };
    const a = keys.find((k) => laneOf(k) === 0)!;
    const c = keys.find((k) => laneOf(k) === 1)!;
    const done = [b.add(`${a}:1`), b.add(`${a}:2`), b.add(`${c}:1`), b.add(`${c}:2`), b.add(`${a}:3`)];
    await new Promise((r) => setTimeout(r, 10));
    // Two batches are being written at once, one per lane; the third item of `a` waits for its lane.
    expect(writes.map((w) => w.items)).toEqual([
      [`${a}:1`, `${a}:2`],
      [`${c}:1`, `${c}:2`],
    ]);
    writes[1]!.release();
    writes[0]!.release();
    await new Promise((r) => setTimeout(r, 10));
    expect(writes[2]!.items).toEqual([`${a}:3`]);
    writes[2]!.release();
    await Promise.all(done);
    expect(b.stats).toMatchObject({ batches: 3, items: 5 });
    await b.close();
  });
});
