import net from 'node:net';
import { type CrcMode, createFramer, createSplitReassembler } from '@ecep/hj212';
import type { DbHandle } from '../db/create-db.js';
import type { GatewayCounters, LiveConnections } from '../devices/device.routes.js';
import type { DeviceDirectory } from '../devices/device-directory.js';
import { FrameAdmission } from './admission.js';
import { LanedBatcher } from './batcher.js';
import { decideFrame, type FrameDecision, processFrame } from './frame-processor.js';
import { DEFAULT_GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options.js';
import { createPacketSink, type PacketSink, type SinkItem } from './packet-sink.js';
import { restorePendingSplits } from './pending-splits.js';

export interface GatewayLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface GatewayStats {
  connectionsOpen: number;
  connectionsTotal: number;
  frames: number;
  acked: number;
  rejected: number;
  quarantined: number;
  skippedBytes: number;
  pausedConnections: number;
}

export interface Hj212Gateway extends LiveConnections {
  readonly port: number;
  readonly stats: GatewayStats;
  readonly batcher: LanedBatcher<SinkItem>;
  /** Frames in the pipeline and frames waiting undecoded for room (backpressure). */
  readonly admission: { readonly inFlight: number; readonly backlogged: number };
  gatewayStatus(): GatewayCounters;
  close(): Promise<void>;
}

interface ConnectionState {
  id: string;
  remote: string;
  since: Date;
  mns: Set<string>;
  /** Frames of one connection are decided in arrival order, so a resend always lands after the original. */
  chain: Promise<unknown>;
}

/**
 * The HJ 212 TCP gateway: socket → framer → decoder/validator → batcher → sink, and the 9014 reply
 * only after the packet's batch has committed, so an acknowledged value is durable.
 */
export async function startHj212Gateway(
  handle: DbHandle,
  directory: DeviceDirectory,
  config: {
    port: number;
    host?: string;
    /** Told about every batch after it committed (the live feed); never delays or withholds an ack. */
    onStored?: (items: readonly SinkItem[]) => void;
  },
  opts: Partial<GatewayOptions> = {},
  logger: GatewayLogger | null = null,
  sink: PacketSink = createPacketSink(handle),
): Promise<Hj212Gateway> {
  const options: GatewayOptions = { ...DEFAULT_GATEWAY_OPTIONS, ...opts };
  const stats: GatewayStats = {
    connectionsOpen: 0,
    connectionsTotal: 0,
    frames: 0,
    acked: 0,
    rejected: 0,
    quarantined: 0,
    skippedBytes: 0,
    pausedConnections: 0,
  };
  const batcher = new LanedBatcher<SinkItem>(
    {
      write: (items) => sink.write(items),
      maxBatchItems: options.maxBatchFrames,
      maxDelayMs: options.maxBatchDelayMs,
      maxQueuedItems: options.maxQueuedFrames,
      onError: (err, size) =>
        logger?.error({ err, size }, 'hj212 batch write failed; its packets were not acknowledged'),
      ...(config.onStored ? { onCommitted: config.onStored } : {}),
    },
    // PGlite runs one transaction at a time: more lanes would only queue behind each other.
    handle.kind === 'postgres' ? options.writeLanes : 1,
    (item) => item.mn,
  );
  const reassembler = createSplitReassembler({ maxAgeMs: options.splitMaxAgeMs });
  const restoredParts = await restorePendingSplits(
    handle.db,
    directory,
    reassembler,
    Date.now(),
    options.splitMaxAgeMs,
    options.maxSegmentBytes,
  );
  if (restoredParts > 0) logger?.info({ restoredParts }, 'hj212 split-packet parts restored after restart');
  const peek = (mn: string) => directory.peek(mn);
  const byMn = new Map<string, ConnectionState>();
  const sockets = new Map<net.Socket, ConnectionState>();
  let seq = 0;

  // Frames waiting for room are kept undecoded with their arrival time (latency is counted from arrival).
  type Arrived = { frame: Uint8Array; receivedAtMs: number };
  const frameHandlers = new Map<net.Socket, (a: Arrived) => Promise<void>>();
  const admission = new FrameAdmission<net.Socket, Arrived>(
    { global: options.maxQueuedFrames, perConnection: options.maxInFlightPerConnection },
    {
      start(socket, arrived) {
        const handle = frameHandlers.get(socket);
        if (!handle) return admission.finished(socket);
        handle(arrived).then(
          () => admission.finished(socket),
          (err: unknown) => {
            logger?.warn(
              { err, connection: sockets.get(socket)?.id },
              'hj212 frame not stored; not acknowledged',
            );
            admission.finished(socket);
          },
        );
      },
      pause(socket) {
        stats.pausedConnections++;
        socket.pause();
      },
      resume(socket) {
        stats.pausedConnections--;
        if (!socket.destroyed) socket.resume();
      },
    },
  );

  // A committed batch releases thousands of replies in one go: each connection's replies of the batch are joined
  // and sent in one write, instead of a stream write (and a system call) per reply.
  const pendingReplies = new Map<net.Socket, string>();
  const flushReplies = () => {
    for (const [socket, text] of pendingReplies) if (!socket.destroyed) socket.write(text);
    pendingReplies.clear();
  };
  const writeReply = (socket: net.Socket, reply: string) => {
    const before = pendingReplies.get(socket);
    if (before === undefined) {
      if (pendingReplies.size === 0) process.nextTick(flushReplies);
      pendingReplies.set(socket, reply);
    } else pendingReplies.set(socket, before + reply);
  };

  const server = net.createServer((socket) => {
    const state: ConnectionState = {
      id: `c${++seq}`,
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
      since: new Date(),
      mns: new Set(),
      chain: Promise.resolve(),
    };
    sockets.set(socket, state);
    stats.connectionsOpen++;
    stats.connectionsTotal++;
    const framer = createFramer({ maxSegmentBytes: options.maxSegmentBytes });
    let lastCrcMode: CrcMode = 'hj212';
    socket.setTimeout(options.idleTimeoutMs);
    socket.setNoDelay(true);
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      frameHandlers.delete(socket);
      stats.connectionsOpen--;
      if (admission.isWaiting(socket)) stats.pausedConnections--;
      admission.remove(socket);
      for (const mn of state.mns) if (byMn.get(mn) === state) byMn.delete(mn);
    });

    /** Notes what a decision says about the connection; keeps only what waits for the commit. */
    const noted = (decision: FrameDecision) => {
      const { item } = decision;
      // A device whose data was held back for its clock is still who it says it is.
      const authenticated = item.outcome !== 'quarantined' || item.quarantine === 'implausible-time';
      if (decision.device && authenticated) {
        lastCrcMode = decision.device.crcMode;
        if (item.mn) {
          state.mns.add(item.mn);
          byMn.set(item.mn, state);
        }
      }
      if (item.outcome === 'rejected') stats.rejected++;
      if (item.outcome === 'quarantined') stats.quarantined++;
      // Only the item and the reply wait for the commit; the frame and the decoded packet can go.
      return { item, reply: decision.replyAfterCommit };
    };

    const stored = ({ item, reply }: { item: SinkItem; reply: string | null }) =>
      batcher.add(item).then(() => {
        if (reply && !socket.destroyed) {
          writeReply(socket, reply);
          stats.acked++;
        }
      });

    const context = (receivedAtMs: number) => ({
      connectionId: state.id,
      remote: state.remote,
      receivedAtMs,
      lastCrcMode,
    });

    // Frames of one connection are decided in arrival order. Most are decided at once (device cached); one that
    // needs a device fetched waits, and every later frame of the connection queues behind it.
    let waitingDecisions = 0;
    const handleFrame = ({ frame, receivedAtMs }: Arrived): Promise<void> => {
      if (waitingDecisions === 0) {
        let now: ReturnType<typeof decideFrame>;
        try {
          now = decideFrame(frame, context(receivedAtMs), peek, reassembler, options);
        } catch (err) {
          // Decoding never throws for bad input; a bug must still cost only this frame, not the process.
          return Promise.reject(err);
        }
        if (!('fetch' in now)) return stored(noted(now));
      }
      waitingDecisions++;
      const decided = state.chain.then(() =>
        processFrame(frame, context(receivedAtMs), directory, reassembler, options).then(noted),
      );
      const settled = decided.finally(() => waitingDecisions--);
      state.chain = settled.catch(() => undefined);
      return settled.then(stored);
    };

    frameHandlers.set(socket, handleFrame);

    socket.on('data', (chunk: Buffer) => {
      const receivedAtMs = Date.now();
      const arrived: Arrived[] = [];
      // Frames are copies the framer never reuses, so they may wait in the backlog as they are.
      for (const event of framer.push(chunk)) {
        if (event.type === 'skipped') stats.skippedBytes += event.byteCount;
        else arrived.push({ frame: event.frame, receivedAtMs });
      }
      stats.frames += arrived.length;
      // Backpressure: the admission pauses this socket while the pipeline or this connection is full.
      if (arrived.length > 0) admission.offer(socket, arrived);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger?.info({ port }, 'HJ 212 gateway listening');
  const expiry = setInterval(() => reassembler.expire(Date.now()), 60_000);
  expiry.unref();

  return {
    port,
    stats,
    batcher,
    get admission() {
      const { inFlight, backlogged } = admission.stats;
      return { inFlight, backlogged };
    },
    gatewayStatus() {
      const { inFlight, backlogged } = admission.stats;
      const { batches, failedBatches } = batcher.stats;
      return {
        ...stats,
        inPipeline: inFlight,
        backlogged,
        batches,
        failedBatches,
        writeLanes: batcher.laneCount,
      };
    },
    connectionOf(mn) {
      const s = byMn.get(mn);
      return s ? { id: s.id, remote: s.remote, since: s.since } : null;
    },
    async close() {
      clearInterval(expiry);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets.keys()) socket.destroy();
      });
      await batcher.close();
    },
  };
}
