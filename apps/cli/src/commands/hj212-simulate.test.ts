import net from 'node:net';
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

describe('ecep hj212 simulate', () => {
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
