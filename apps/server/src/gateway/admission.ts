/**
 * Decides when a framed packet may enter the pipeline (decode → batch → commit → ack), so that memory stays
 * bounded however fast devices send. At most `global` frames are in the pipeline at once, and at most
 * `perConnection` of one connection. Frames beyond that wait, still undecoded (≈ 1 KB each), in their
 * connection's backlog, and the connection's socket is paused, so what waits is bounded by one socket read per
 * connection. As frames finish, waiting connections are served first come, first served and resumed only when
 * their backlog is empty — not all at once, which would let every paused socket deliver a full read together.
 */
export interface AdmissionHooks<C, F> {
  /** Starts a frame through the pipeline; `FrameAdmission.finished(conn)` must follow exactly once. */
  start(conn: C, frame: F): void;
  pause(conn: C): void;
  resume(conn: C): void;
}

interface Slot<F> {
  backlog: F[];
  inFlight: number;
  paused: boolean;
}

export class FrameAdmission<C, F> {
  private inFlight = 0;
  private readonly slots = new Map<C, Slot<F>>();
  /** Paused connections in the order they started waiting (a Set keeps insertion order). */
  private readonly waiting = new Set<C>();
  private pumpScheduled = false;

  constructor(
    private readonly limits: { global: number; perConnection: number },
    private readonly hooks: AdmissionHooks<C, F>,
  ) {}

  /** Frames in the pipeline, frames waiting undecoded, and paused connections. */
  get stats(): { inFlight: number; backlogged: number; paused: number } {
    let backlogged = 0;
    let paused = 0;
    for (const slot of this.slots.values()) {
      backlogged += slot.backlog.length;
      if (slot.paused) paused++;
    }
    return { inFlight: this.inFlight, backlogged, paused };
  }

  /** Frames just read from a connection, in stream order. */
  offer(conn: C, frames: readonly F[]): void {
    const slot = this.slotOf(conn);
    for (const frame of frames) {
      // Behind a backlog a frame must wait its turn: one connection's frames are decided in order.
      if (slot.backlog.length === 0 && this.hasRoom(slot)) this.begin(conn, slot, frame);
      else slot.backlog.push(frame);
    }
    if (!slot.paused && (slot.backlog.length > 0 || !this.hasRoom(slot))) {
      slot.paused = true;
      this.waiting.add(conn);
      this.hooks.pause(conn);
    }
  }

  /** One frame of `conn` left the pipeline (acknowledged, refused or failed). */
  finished(conn: C): void {
    this.inFlight--;
    const slot = this.slots.get(conn);
    if (slot) slot.inFlight--;
    if (!this.pumpScheduled && this.waiting.size > 0) {
      // A committed batch finishes thousands of frames at once: serve the waiting connections once after them.
      this.pumpScheduled = true;
      setImmediate(() => this.pump());
    }
  }

  /** Whether the connection is paused, waiting for room. */
  isWaiting(conn: C): boolean {
    return this.slots.get(conn)?.paused ?? false;
  }

  /** The connection is gone: its backlog is dropped (never acknowledged, so the device sends it again). */
  remove(conn: C): void {
    this.waiting.delete(conn);
    this.slots.delete(conn);
  }

  private slotOf(conn: C): Slot<F> {
    let slot = this.slots.get(conn);
    if (!slot) {
      slot = { backlog: [], inFlight: 0, paused: false };
      this.slots.set(conn, slot);
    }
    return slot;
  }

  private hasRoom(slot: Slot<F>): boolean {
    return this.inFlight < this.limits.global && slot.inFlight < this.limits.perConnection;
  }

  private begin(conn: C, slot: Slot<F>, frame: F): void {
    this.inFlight++;
    slot.inFlight++;
    this.hooks.start(conn, frame);
  }

  private pump(): void {
    this.pumpScheduled = false;
    // A snapshot: connections moved to the back of the line are not visited twice in one pass.
    for (const conn of [...this.waiting]) {
      if (this.inFlight >= this.limits.global) return;
      const slot = this.slots.get(conn);
      if (!slot) {
        this.waiting.delete(conn);
        continue;
      }
      let taken = 0;
      while (taken < slot.backlog.length && this.hasRoom(slot))
        this.begin(conn, slot, slot.backlog[taken++]!);
      if (taken > 0) slot.backlog.splice(0, taken);
      if (slot.backlog.length === 0 && this.hasRoom(slot)) {
        slot.paused = false;
        this.waiting.delete(conn);
        this.hooks.resume(conn);
      } else if (taken > 0) {
        // Served in part: to the back of the line, so every waiting connection gets its turn.
        this.waiting.delete(conn);
        this.waiting.add(conn);
      }
    }
  }
}
