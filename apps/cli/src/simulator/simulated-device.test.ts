import net from 'node:net';
import { decodeStream } from '@ecep/hj212';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedDevice } from './simulated-device.js';

/** A platform that reads everything and acknowledges nothing; counts the frames it received. */
async function silentPlatform(): Promise<{
  port: number;
  frames: () => number;
  text: () => string;
  close(): Promise<void>;
}> {
  let text = '';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('data', (c) => (text += c.toString('utf8')));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    frames: () => text.split('\r\n').filter((l) => l.startsWith('##')).length,
    text: () => text,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A device with the given window, connected to a platform that never answers; both are closed after the test. */
async function connectedToSilentPlatform(window: number, replay = false) {
  const platform = await silentPlatform();
  cleanup.push(() => platform.close());
  const d = device(platform.port, window, replay);
  cleanup.push(() => d.stop());
  await d.connect();
  return { platform, d };
}

/** Sends `n` 2051 packets at once and gives them a moment to arrive. */
async function sendMany(d: SimulatedDevice, n: number) {
  for (let i = 0; i < n; i++) d.sendNext('2051');
  await new Promise((r) => setTimeout(r, 100));
}

function device(port: number, window: number, replay: boolean) {
  return new SimulatedDevice(
    {
      host: '127.0.0.1',
      port,
      mn: 'SIM00000000000000000001',
      password: '123456',
      st: '31',
      kind: 'flue-gas',
      seed: 1,
      cns: ['2051'],
      ackTimeoutMs: 60_000,
      maxResends: 0,
      window,
      replay,
    },
    Date.UTC(2026, 0, 1),
  );
}

describe('SimulatedDevice window', () => {
  it('holds sends back while the window of unacknowledged packets is full, without skipping data times', async () => {
    const { platform, d } = await connectedToSilentPlatform(3);
    const firstDataTime = d.nextDataTimeOf('2051');
    await sendMany(d, 10);
    expect(d.counters.sent).toBe(3);
    expect(d.counters.heldBack).toBe(7);
    expect(d.pending).toBe(3);
    expect(platform.frames()).toBe(3);
    // Three minutes of data went out; the next packet is the fourth minute, not the eleventh.
    expect(d.nextDataTimeOf('2051')).toBe(firstDataTime + 3 * 60_000);
  });

  it('sends everything when the window is 0 (no limit)', async () => {
    const { platform, d } = await connectedToSilentPlatform(0);
    await sendMany(d, 10);
    expect(d.counters.sent).toBe(10);
    expect(d.counters.heldBack).toBe(0);
    expect(platform.frames()).toBe(10);
  });
});

describe('SimulatedDevice replay (load-test mode)', () => {
  it('sends valid frames with a new QN and the next data time each, cycling through a few recorded value sets', async () => {
    const { platform, d } = await connectedToSilentPlatform(0, true);
    await sendMany(d, 6);
    const packets = [...decodeStream(Buffer.from(platform.text()))].map((r) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.packet;
    });
    expect(packets).toHaveLength(6);
    expect(new Set(packets.map((p) => p.qn)).size).toBe(6);
    expect(packets.map((p) => p.records[0]?.dataTimeMs)).toEqual(
      [0, 1, 2, 3, 4, 5].map((k) => Date.UTC(2026, 0, 1) + k * 60_000),
    );
    expect(packets.every((p) => p.mn === 'SIM00000000000000000001' && p.ackRequired)).toBe(true);
    const values = packets.map((p) => JSON.stringify(p.records[0]?.factors));
    expect(values[4]).toBe(values[0]); // the fifth repeats the first recorded set
    expect(values[1]).not.toBe(values[0]);
  });
});
