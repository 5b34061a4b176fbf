import net from 'node:net';
import { decodeStream } from '@ecep/hj212';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A platform that keeps every byte it receives and answers nothing. */
async function recordingPlatform() {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('data', (c: Buffer) => chunks.push(c));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    received: () => Buffer.concat(chunks),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('ecep hj212 simulate', () => {
  it('--replay sends valid packets that cycle through a few recorded value sets', async () => {
    const platform = await recordingPlatform();
    try {
      const run = await runCli([
        'hj212',
        'simulate',
        '--port',
        String(platform.port),
        '--devices',
        '1',
        '--rate',
        '20',
        '--duration',
        '0.6',
        '--ack-timeout',
        '60000',
        '--replay',
      ]);
      expect(run.code).toBe(0);
      const packets = [...decodeStream(platform.received())].map((r) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.packet;
      });
      expect(packets.length).toBeGreaterThan(4);
      const valueSets = new Set(packets.map((p) => JSON.stringify(p.records[0]?.factors)));
      expect(valueSets.size).toBe(4); // built packets would all differ
      expect(new Set(packets.map((p) => p.records[0]?.dataTimeMs)).size).toBe(packets.length);
    } finally {
      await platform.close();
    }
  });

  it('refuses a flag that is not a number, naming the flag and what was expected', async () => {
    const run = await runCli(['hj212', 'simulate', '--devices', 'ten']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--devices "ten".*expected an integer ≥ 1/);
    const window = await runCli(['hj212', 'simulate', '--window', '-2']);
    expect(window.code).toBe(1);
    expect(window.stderr).toMatch(/--window "-2"/);
  });

  it('refuses a start time without a date or offset', async () => {
    const run = await runCli(['hj212', 'simulate', '--start', 'yesterday']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--start "yesterday"/);
  });

  it('says so and exits 1 when no device could connect', async () => {
    const port = await closedPort();
    const run = await runCli([
      'hj212',
      'simulate',
      '--port',
      String(port),
      '--devices',
      '2',
      '--duration',
      '0.2',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ devices: 2, connected: 0, sent: 0 });
    expect(run.stderr).toContain(`could not connect to 127.0.0.1:${port}`);
  });
});
