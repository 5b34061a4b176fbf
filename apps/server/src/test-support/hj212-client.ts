import net from 'node:net';
import { decodeStream, type Hj212Packet } from '@ecep/hj212';

/** A test data unit: one TCP connection that records every reply it receives. */
export class TestDataUnit {
  private buffer = Buffer.alloc(0);
  readonly replies: Hj212Packet[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      // Replies always end with CRLF; decode whole lines only.
      const last = this.buffer.lastIndexOf('\r\n');
      if (last < 0) return;
      const complete = this.buffer.subarray(0, last + 2);
      this.buffer = this.buffer.subarray(last + 2);
      // A reply carries the CRC mode of its device: accept it if either standard mode proves it.
      const strict = decodeStream(complete);
      const modbus = decodeStream(complete, { crcMode: 'modbus-le' });
      strict.forEach((r, i) => {
        const alt = modbus[i];
        if (r.ok) this.replies.push(r.packet);
        else if (alt?.ok) this.replies.push(alt.packet);
      });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static connect(port: number): Promise<TestDataUnit> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new TestDataUnit(socket)));
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.socket.write(data, (err) => (err ? reject(err) : resolve())),
    );
  }

  /** QNs of the 9014 acks received so far. */
  ackedQns(): string[] {
    return this.replies.filter((p) => p.cn === '9014').map((p) => p.qn ?? '');
  }

  /** Waits until `count` 9014 acks arrived, or fails after `timeoutMs`. */
  async waitForAcks(count: number, timeoutMs = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.ackedQns().length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} acks, got ${this.ackedQns().length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.ackedQns();
  }

  close(): void {
    this.socket.destroy();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
