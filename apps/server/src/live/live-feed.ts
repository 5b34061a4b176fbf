import type { LiveMeasurement } from '@ecep/contract';
import type { MeasurementRow } from '../gateway/measurement-rows.js';
import type { SinkItem } from '../gateway/packet-sink.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';

type LiveValues = LiveMeasurement['values'];

/** A sink for one subscriber: returns false when it cannot take more until it calls `resume()`. */
export type LiveSink = (event: LiveMeasurement, droppedBefore: number) => boolean;

/** Events a subscriber may have waiting before the oldest are dropped (a slow client never grows memory). */
export const DEFAULT_MAX_QUEUED = 200;

function valuesOf(row: MeasurementRow): LiveValues[string] {
  const v: LiveValues[string] = {};
  if (row.rtd !== null) v.rtd = row.rtd;
  if (row.avg !== null) v.avg = row.avg;
  if (row.min !== null) v.min = row.min;
  if (row.max !== null) v.max = row.max;
  if (row.cou !== null) v.cou = row.cou;
  if (row.zsRtd !== null) v.zsRtd = row.zsRtd;
  if (row.zsAvg !== null) v.zsAvg = row.zsAvg;
  if (row.flag !== null) v.flag = row.flag;
  return v;
}

/**
 * The events a committed batch gives: one per (device, CN, DataTime) record that stored values, in the
 * order received. Quarantined, rejected and partial packets give none.
 */
export function liveEventsOf(items: readonly SinkItem[]): Array<Omit<LiveMeasurement, 'seq'>> {
  const out: Array<Omit<LiveMeasurement, 'seq'>> = [];
  // Packets of a batch often share their arrival millisecond: format it once.
  let receivedMs = Number.NaN;
  let receivedAt = '';
  for (const item of items) {
    if (item.outcome !== 'stored' || item.rows.length === 0) continue;
    if (item.receivedAtMs !== receivedMs) {
      receivedMs = item.receivedAtMs;
      receivedAt = toShanghaiIso(receivedMs);
    }
    // A packet's rows come record by record (one MN and CN per packet): a new data time starts a new event.
    let event: Omit<LiveMeasurement, 'seq'> | null = null;
    let eventTimeMs = Number.NaN;
    for (const row of item.rows) {
      if (event === null || row.dataTimeMs !== eventTimeMs) {
        eventTimeMs = row.dataTimeMs;
        event = { mn: row.mn, cn: row.cn, dataTime: toShanghaiIso(row.dataTimeMs), receivedAt, values: {} };
        out.push(event);
      }
      event.values[row.factor] = valuesOf(row);
    }
  }
  return out;
}

/**
 * One subscriber: events it accepts wait in a bounded queue while its sink is busy; past `maxQueued` the
 * oldest are dropped and counted, and the next delivered event says how many were lost.
 */
export class LiveSubscription {
  private queue: LiveMeasurement[] = [];
  private blocked = false;
  private droppedSinceDelivery = 0;
  /** Events dropped because the subscriber was too slow, since it subscribed. */
  dropped = 0;
  closed = false;

  constructor(
    private readonly accepts: (mn: string) => boolean,
    private readonly sink: LiveSink,
    private readonly maxQueued: number,
    private readonly onClose: (sub: LiveSubscription) => void,
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  offer(event: LiveMeasurement): void {
    if (this.closed || !this.accepts(event.mn)) return;
    this.queue.push(event);
    if (this.queue.length > this.maxQueued) {
      this.queue.shift();
      this.dropped++;
      this.droppedSinceDelivery++;
    }
    if (!this.blocked) this.flush();
  }

  /** The sink can take events again (e.g. the socket's `drain`). */
  resume(): void {
    this.blocked = false;
    this.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.onClose(this);
  }

  private flush(): void {
    while (!this.closed && !this.blocked && this.queue.length > 0) {
      const event = this.queue.shift() as LiveMeasurement;
      const dropped = this.droppedSinceDelivery;
      this.droppedSinceDelivery = 0;
      if (!this.sink(event, dropped)) this.blocked = true;
    }
  }
}

/**
 * The in-process live feed: the gateway publishes each batch after it committed, subscribers (SSE
 * streams) receive the events of the devices they may see.
 */
export class LiveFeed {
  private readonly subscribers = new Set<LiveSubscription>();
  private seq = 0;
  private readonly lastReceivedMs = new Map<string, number>();

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** When this process last stored data of `mn` (null when not since start). */
  lastReceivedAt(mn: string): number | null {
    return this.lastReceivedMs.get(mn) ?? null;
  }

  /**
   * Called by the gateway after a batch has committed. Events are built only while someone subscribes: with
   * nobody watching, a batch costs one map update per packet.
   */
  publish(items: readonly SinkItem[]): void {
    for (const item of items) {
      if (item.outcome !== 'stored' || item.rows.length === 0 || item.mn === null) continue;
      if (item.receivedAtMs > (this.lastReceivedMs.get(item.mn) ?? 0)) {
        this.lastReceivedMs.set(item.mn, item.receivedAtMs);
      }
    }
    if (this.subscribers.size === 0) return;
    for (const e of liveEventsOf(items)) {
      const event: LiveMeasurement = { seq: ++this.seq, ...e };
      for (const sub of this.subscribers) sub.offer(event);
    }
  }

  subscribe(
    accepts: (mn: string) => boolean,
    sink: LiveSink,
    maxQueued = DEFAULT_MAX_QUEUED,
  ): LiveSubscription {
    const sub = new LiveSubscription(accepts, sink, maxQueued, (s) => this.subscribers.delete(s));
    this.subscribers.add(sub);
    return sub;
  }
}
