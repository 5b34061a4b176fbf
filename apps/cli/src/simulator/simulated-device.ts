import net from 'node:net';
import {
  buildDataPacket,
  type CrcMode,
  createStackSimulator,
  decodeStream,
  encodeFrame,
  FrameTemplate,
  formatQn,
  type StackKind,
} from '@ecep/hj212';

export interface SimulatedDeviceOptions {
  host: string;
  port: number;
  mn: string;
  password: string;
  st: string;
  kind: StackKind;
  seed: number;
  /** CNs to upload, each on its own cadence of data time: 2011 1 min, 2051 1 min, 2061 1 h, 2031 1 day. */
  cns: readonly string[];
  crcMode?: CrcMode;
  /** Resend a packet not acknowledged within this long (ms), like a real data unit. */
  ackTimeoutMs: number;
  maxResends: number;
  /**
   * Most packets waiting for their 9014 at once (0: no limit). A full window holds the next packet back, as a
   * data unit keeps its data until the platform catches up; its data time is not skipped.
   */
  window?: number;
  /**
   * Load-test mode: each CN repeats a few packets built at start, only QN, DataTime and CRC change per send —
   * a fraction of the CPU of building every packet, so the generator leaves the cores to what it measures.
   */
  replay?: boolean;
}

/** Packets per CN a replaying device cycles through. */
const REPLAY_POOL = 4;

export interface DeviceCounters {
  sent: number;
  acked: number;
  resent: number;
  gaveUp: number;
  /** Sends held back because the window was full. */
  heldBack: number;
  latenciesMs: number[];
}

const CN_STEP_MS: Record<string, number> = {
  '2011': 60_000,
  '2051': 60_000,
  '2061': 3_600_000,
  '2031': 86_400_000,
};

interface Outstanding {
  frame: string | Uint8Array;
  firstSentAt: number;
  lastSentAt: number;
  resends: number;
}

/**
 * One data unit: its own TCP connection, packets with Flag A (ack wanted), resends of packets not
 * acknowledged in time, and reconnection when the connection drops.
 */
export class SimulatedDevice {
  readonly counters: DeviceCounters = {
    sent: 0,
    acked: 0,
    resent: 0,
    gaveUp: 0,
    heldBack: 0,
    latenciesMs: [],
  };
  private socket: net.Socket | null = null;
  private readonly outstanding = new Map<string, Outstanding>();
  private readonly sim;
  private readonly nextDataTime = new Map<string, number>();
  private qnSeq = 0;
  private qnSecond = -1;
  private qnPrefix = '';
  private readonly templates = new Map<string, FrameTemplate[]>();
  private buffer: Buffer = Buffer.alloc(0);
  private stopped = false;

  constructor(
    private readonly o: SimulatedDeviceOptions,
    startDataTimeMs: number,
  ) {
    this.sim = createStackSimulator({ kind: o.kind, seed: o.seed, intervalMinutes: 1 });
    for (const cn of o.cns) this.nextDataTime.set(cn, startDataTimeMs);
    if (o.replay) {
      for (const cn of o.cns) {
        const pool: FrameTemplate[] = [];
        for (let k = 0; k < REPLAY_POOL; k++) {
          const at = startDataTimeMs + k * (CN_STEP_MS[cn] ?? 60_000);
          pool.push(new FrameTemplate(this.build(cn, '00000000000000000', at), o.crcMode ?? 'hj212'));
        }
        this.templates.set(cn, pool);
      }
    }
  }

  /** A complete frame of `cn` with fresh simulated values. */
  private build(cn: string, qn: string, dataTimeMs: number): string {
    const factors = cn === '2011' ? this.sim.realtime(dataTimeMs).factors : this.sim.next(dataTimeMs).factors;
    return encodeFrame(
      buildDataPacket({
        st: this.o.st,
        cn,
        mn: this.o.mn,
        pw: this.o.password,
        qn,
        flag: 5,
        dataTime: dataTimeMs,
        factors,
      }),
      this.o.crcMode ?? 'hj212',
    );
  }

  /** A 17-digit QN: the send time to the second, then a counter (unique per device within a second). */
  private nextQn(now: number): string {
    const second = Math.floor(now / 1000);
    if (second !== this.qnSecond) {
      this.qnSecond = second;
      this.qnPrefix = formatQn(now).slice(0, 14);
    }
    return this.qnPrefix + String(this.qnSeq++ % 1000).padStart(3, '0');
  }

  async connect(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(this.o.port, this.o.host, () => resolve());
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('close', () => {
        this.socket = null;
        if (!this.stopped) setTimeout(() => void this.connect().catch(() => {}), 1000);
      });
      socket.on('error', () => {});
      this.socket = socket;
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.lastIndexOf('\r\n');
    if (end < 0) return;
    const now = Date.now();
    for (const r of decodeStream(this.buffer.subarray(0, end + 2), { crcMode: this.o.crcMode ?? 'hj212' })) {
      if (!r.ok || r.packet.cn !== '9014' || !r.packet.qn) continue;
      const out = this.outstanding.get(r.packet.qn);
      if (!out) continue;
      this.outstanding.delete(r.packet.qn);
      this.counters.acked++;
      this.counters.latenciesMs.push(now - out.lastSentAt);
    }
    this.buffer = this.buffer.subarray(end + 2);
  }

  /** Sends the next packet of `cn` (its data time advances one step per packet). */
  sendNext(cn: string): void {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (this.o.window && this.outstanding.size >= this.o.window) {
      this.counters.heldBack++;
      return;
    }
    const dataTimeMs = this.nextDataTime.get(cn) ?? Date.now();
    this.nextDataTime.set(cn, dataTimeMs + (CN_STEP_MS[cn] ?? 60_000));
    const now = Date.now();
    const qn = this.nextQn(now);
    const pool = this.templates.get(cn);
    const frame = pool
      ? pool[this.counters.sent % pool.length]!.render(qn, dataTimeMs)
      : this.build(cn, qn, dataTimeMs);
    this.outstanding.set(qn, { frame, firstSentAt: now, lastSentAt: now, resends: 0 });
    socket.write(frame);
    this.counters.sent++;
  }

  /** Sends `rounds` packets of each CN in one write. */
  sendBurst(cns: readonly string[], rounds: number): void {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    socket.cork();
    for (let r = 0; r < rounds; r++) for (const cn of cns) this.sendNext(cn);
    socket.uncork();
  }

  /** Resends what waited too long for its ack; gives up after `maxResends`. */
  resendOverdue(): void {
    const now = Date.now();
    for (const [qn, out] of this.outstanding) {
      if (now - out.lastSentAt < this.o.ackTimeoutMs) continue;
      if (out.resends >= this.o.maxResends) {
        this.outstanding.delete(qn);
        this.counters.gaveUp++;
        continue;
      }
      if (!this.socket || this.socket.destroyed) continue;
      out.resends++;
      out.lastSentAt = now;
      this.socket.write(out.frame);
      this.counters.resent++;
    }
  }

  /** Data time of the next packet of `cn`. */
  nextDataTimeOf(cn: string): number {
    return this.nextDataTime.get(cn) ?? Number.POSITIVE_INFINITY;
  }

  get pending(): number {
    return this.outstanding.size;
  }

  stop(): void {
    this.stopped = true;
    this.socket?.destroy();
  }
}
