import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataPacket, decodeStream, encodeFrame } from '@ecep/hj212';
import { createDb } from '@ecep/server';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out');
}

describe('ecep serve killed with SIGKILL mid-stream', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecep-kill-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged value (restart and count)', async () => {
    const [httpPort, hjPort] = [await freePort(), await freePort()];
    const server = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        MAIN,
        'serve',
        '--data-dir',
        dataDir,
        '--http-port',
        String(httpPort),
        '--hj212-port',
        String(hjPort),
        '--host',
        '127.0.0.1',
        '--log-level',
        'warn',
      ],
      {
        env: { ...process.env, ECEP_ADMIN_PASSWORD: 'kill-test-password', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    server.stdout.on('data', (c) => (output += c));
    server.stderr.on('data', (c) => (output += c));
    const base = `http://127.0.0.1:${httpPort}`;
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000).catch((e) => {
      throw new Error(`server did not start: ${output} ${e}`);
    });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'kill-test-password' }),
    });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${base}/api/monitoring/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ mn: 'KILL-TEST-1', password: '123456', name: '耐久性测试', st: '31' }),
    });
    expect(created.status).toBe(201);

    // A data unit that keeps sending minute packets and records which DataTimes were acknowledged.
    const acked = new Set<string>();
    const qnToTime = new Map<string, string>();
    const socket = net.connect(hjPort, '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.lastIndexOf('\r\n');
      if (end < 0) return;
      for (const r of decodeStream(received.subarray(0, end + 2))) {
        if (r.ok && r.packet.cn === '9014' && r.packet.qn) acked.add(qnToTime.get(r.packet.qn) ?? '?');
      }
      received = received.subarray(end + 2);
    });
    socket.on('error', () => {});
    const start = Date.UTC(2026, 10, 1, 0, 0, 0);
    let sent = 0;
    const pump = setInterval(() => {
      for (let k = 0; k < 20 && !socket.destroyed; k++) {
        const dataTimeMs = start + sent * 60_000;
        // 17 digits exceed 2^53: build the QN as a string so each packet keeps its own.
        const qn = `2026110100${String(sent).padStart(7, '0')}`;
        qnToTime.set(qn, new Date(dataTimeMs).toISOString());
        socket.write(
          encodeFrame(
            buildDataPacket({
              st: '31',
              cn: '2051',
              mn: 'KILL-TEST-1',
              pw: '123456',
              qn,
              flag: 5,
              dataTime: dataTimeMs,
              factors: { a21026: { avg: sent, min: 0, max: sent, flag: 'N' }, a21002: { avg: 1, flag: 'N' } },
            }),
          ),
        );
        sent++;
      }
    }, 5);
    await waitFor(async () => acked.size >= 200, 60_000);
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    clearInterval(pump);
    socket.destroy();
    expect(sent).toBeGreaterThan(acked.size);

    const db = await createDb({ databaseUrl: null, dataDir });
    try {
      const rows = await db.db
        .selectFrom('measurement')
        .select(['data_time'])
        .where('mn', '=', 'KILL-TEST-1')
        .where('factor', '=', 'a21026')
        .execute();
      const stored = new Set(rows.map((r) => new Date(r.data_time).toISOString()));
      const lost = [...acked].filter((t) => !stored.has(t));
      expect(lost).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acked.size);
    } finally {
      await db.close();
    }
  }, 180_000);
});
