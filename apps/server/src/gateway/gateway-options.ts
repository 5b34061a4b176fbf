/** Named limits of the HJ 212 gateway; every one is a config value with a sensible default. */
export interface GatewayOptions {
  /** Close a connection after this long without a byte (default 10 min: ≥ 2 × the usual RtdInterval). */
  idleTimeoutMs: number;
  /** Largest data segment accepted (default 9999, the most the length field can say). */
  maxSegmentBytes: number;
  /** Frames of one connection waiting for commit before its socket is paused (default 500). */
  maxInFlightPerConnection: number;
  /**
   * Frames in the pipeline (decoding or awaiting commit) across all connections (default 8 000: two batches per
   * write lane). Beyond it frames wait undecoded in their connection and its socket is paused.
   */
  maxQueuedFrames: number;
  /** Rows per write batch (default 2000 frames). */
  maxBatchFrames: number;
  /** Longest a frame waits for its batch (default 20 ms). */
  maxBatchDelayMs: number;
  /** Split-packet sets older than this are dropped (default 10 min). */
  splitMaxAgeMs: number;
  /**
   * Batches written side by side on PostgreSQL, each MN always in the same lane so its values keep their order
   * (default 2; the embedded database always uses 1).
   */
  writeLanes: number;
  /**
   * Data whose DataTime is more than this ahead of its arrival is quarantined and the device's clock set
   * (default 1 h: a clock that far off is wrong, not drifting).
   */
  maxDataTimeAheadMs: number;
}

export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = Object.freeze({
  idleTimeoutMs: 10 * 60_000,
  maxSegmentBytes: 9999,
  maxInFlightPerConnection: 500,
  maxQueuedFrames: 8000,
  maxBatchFrames: 2000,
  maxBatchDelayMs: 20,
  splitMaxAgeMs: 10 * 60_000,
  writeLanes: 2,
  maxDataTimeAheadMs: 60 * 60_000,
});

/** CNs whose CP carries measurements (uploads and replies to history requests). */
export const DATA_CNS: ReadonlySet<string> = new Set(['2011', '2051', '2061', '2031', '2041', '3020']);
