import type { LiveMeasurement } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { type MeasurementRow, measurementRow } from '../gateway/measurement-rows.js';
import type { SinkItem } from '../gateway/packet-sink.js';
import { LiveFeed, liveEventsOf } from './live-feed.js';

const T0 = Date.UTC(2026, 10, 24, 2, 5); // 10:05 Beijing

const row = (mn: string, factor: string, avg: number, flag = 'N', dataTimeMs = T0): MeasurementRow =>
  measurementRow({ mn, factor, avg, flag, dataTimeMs });

function item(rows: MeasurementRow[], outcome: SinkItem['outcome'] = 'stored'): SinkItem {
  return {
    receivedAtMs: T0 + 30_000,
    connectionId: 'c1',
    remote: '127.0.0.1:1',
    raw: '##',
    mn: rows[0]?.mn ?? null,
    cn: '2051',
    qn: null,
    dataTimeMs: T0,
    outcome,
    errorCode: null,
    quarantine: outcome === 'quarantined' ? 'wrong-password' : null,
    deviceId: outcome === 'stored' ? 1 : null,
    rows: outcome === 'stored' ? rows : [],
  };
}

describe('live events of a committed batch', () => {
  it('gives one event per record with every factor, its flag and Beijing times', () => {
    const events = liveEventsOf([item([row('A', 'a21026', 12.5), row('A', 'a19001', 8.1, 'D')])]);
    expect(events).toEqual([
      {
        mn: 'A',
        cn: '2051',
        dataTime: '2026-11-24T10:05:00+08:00',
        receivedAt: '2026-11-24T10:05:30+08:00',
        values: { a21026: { avg: 12.5, flag: 'N' }, a19001: { avg: 8.1, flag: 'D' } },
      },
    ]);
  });

  it('splits a packet with two DataTime records into two events and ignores packets that stored nothing', () => {
    const events = liveEventsOf([
      item([row('A', 'a21026', 1), row('A', 'a21026', 2, 'N', T0 + 60_000)]),
      item([row('B', 'a21026', 3)], 'quarantined'),
    ]);
    expect(events.map((e) => [e.mn, e.dataTime, e.values.a21026?.avg])).toEqual([
      ['A', '2026-11-24T10:05:00+08:00', 1],
      ['A', '2026-11-24T10:06:00+08:00', 2],
    ]);
  });
});

describe('the live feed', () => {
  it('delivers only the devices a subscriber accepts, numbered in order', () => {
    const feed = new LiveFeed();
    const got: LiveMeasurement[] = [];
    feed.subscribe(
      (mn) => mn === 'A',
      (e) => {
        got.push(e);
        return true;
      },
    );
    feed.publish([item([row('B', 'a21026', 1)]), item([row('A', 'a21026', 2)])]);
    feed.publish([item([row('A', 'a21026', 3)])]);
    expect(got.map((e) => [e.mn, e.values.a21026?.avg])).toEqual([
      ['A', 2],
      ['A', 3],
    ]);
    expect(got[1]!.seq).toBeGreaterThan(got[0]!.seq);
    expect(feed.lastReceivedAt('A')).toBe(T0 + 30_000);
    expect(feed.lastReceivedAt('C')).toBeNull();
  });

  it('knows when a device last stored data even while nobody subscribes, and numbers no events then', () => {
    const feed = new LiveFeed();
    feed.publish([item([row('A', 'a21026', 1)]), item([row('Q', 'a21026', 1)], 'quarantined')]);
    expect(feed.lastReceivedAt('A')).toBe(T0 + 30_000);
    expect(feed.lastReceivedAt('Q')).toBeNull();
    const got: LiveMeasurement[] = [];
    feed.subscribe(
      () => true,
      (e) => {
        got.push(e);
        return true;
      },
    );
    feed.publish([item([row('A', 'a21026', 2)])]);
    expect(got.map((e) => [e.seq, e.values.a21026?.avg])).toEqual([[1, 2]]);
  });

  it('keeps at most maxQueued events for a blocked subscriber, drops the oldest and reports the gap', () => {
    const feed = new LiveFeed();
    const got: Array<{ avg: number | null | undefined; dropped: number }> = [];
    let accept = false;
    const sub = feed.subscribe(
      () => true,
      (e, dropped) => {
        got.push({ avg: e.values.a21026?.avg, dropped });
        return accept;
      },
      3,
    );
    // The first delivery reports the sink full; the next 10 wait, of which only the newest 3 are kept.
    for (let i = 0; i < 11; i++) feed.publish([item([row('A', 'a21026', i)])]);
    expect(sub.queued).toBe(3);
    expect(sub.dropped).toBe(7);
    accept = true;
    sub.resume();
    expect(got).toEqual([
      { avg: 0, dropped: 0 },
      { avg: 8, dropped: 7 },
      { avg: 9, dropped: 0 },
      { avg: 10, dropped: 0 },
    ]);
    expect(sub.queued).toBe(0);
  });

  it('forgets a closed subscription', () => {
    const feed = new LiveFeed();
    let calls = 0;
    const sub = feed.subscribe(
      () => true,
      () => {
        calls++;
        return true;
      },
    );
    expect(feed.subscriberCount).toBe(1);
    sub.close();
    feed.publish([item([row('A', 'a21026', 1)])]);
    expect(calls).toBe(0);
    expect(feed.subscriberCount).toBe(0);
  });
});
