import net from 'node:net';
import { type CrcMode, createFramer, createSplitReassembler } from '@ecep/hj212';
import type { DbHandle } from '../db/create-db.js';
import type { LiveConnections } from '../devices/device.routes.js';
import type { DeviceDirectory } from '../devices/device-directory.js';
import { LanedBatcher } from './batcher.js';
import { processFrame } from './frame-processor.js';
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
  close(): Promise<void>;
}

interface ConnectionState {
  id: string;
  remote: string;
  since: Date;
  inFlight: number;
  paused: boolean;
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
  const byMn = new Map<string, ConnectionState>();
  const sockets = new Map<net.Socket, ConnectionState>();
  let seq = 0;

  const maybeResume = (socket: net.Socket, state: ConnectionState) => {
    if (state.paused && state.inFlight < options.maxInFlightPerConnection && !batcher.full) {
      state.paused = false;
      stats.pausedConnections--;
      socket.resume();
    }
  };
  batcher.on('drain', () => {
    for (const [socket, state] of sockets) maybeResume(socket, state);
  });

  const server = net.createServer((socket) => {
    const state: ConnectionState = {
      id: `c${++seq}`,
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
      since: new Date(),
      inFlight: 0,
      paused: false,
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
      stats.connectionsOpen--;
      if (state.paused) stats.pausedConnections--;
      for (const mn of state.mns) if (byMn.get(mn) === state) byMn.delete(mn);
    });

    const handleFrame = async (frame: Uint8Array, receivedAtMs: number) => {
      const decided = state.chain.then(() =>
        processFrame(
          frame,
          { connectionId: state.id, remote: state.remote, receivedAtMs, lastCrcMode },
          directory,
          reassembler,
          options,
        ),
      );
      state.chain = decided.catch(() => undefined);
      const decision = await decided;
      const { item } = decision;
      if (decision.device && item.outcome !== 'quarantined') {
        lastCrcMode = decision.device.crcMode;
        if (item.mn) {
          state.mns.add(item.mn);
          byMn.set(item.mn, state);
        }
      }
      if (item.outcome === 'rejected') stats.rejected++;
      if (item.outcome === 'quarantined') stats.quarantined++;
      await batcher.add(item);
      if (decision.replyAfterCommit && !socket.destroyed) {
        socket.write(decision.replyAfterCommit);
        stats.acked++;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      const receivedAtMs = Date.now();
      for (const event of framer.push(chunk)) {
        if (event.type === 'skipped') {
          stats.skippedBytes += event.byteCount;
          continue;
        }
        stats.frames++;
        state.inFlight++;
        // The framer hands out views into buffers it reuses; decoding waits its turn, so keep a copy.
        handleFrame(event.frame.slice(), receivedAtMs)
          .catch((err: unknown) =>
            logger?.warn({ err, connection: state.id }, 'hj212 frame not stored; not acknowledged'),
          )
          .finally(() => {
            state.inFlight--;
            maybeResume(socket, state);
          });
      }
      // Backpressure: stop reading while this connection or the writer has too much waiting.
      if (!state.paused && (state.inFlight >= options.maxInFlightPerConnection || batcher.full)) {
        state.paused = true;
        stats.pausedConnections++;
        socket.pause();
      }
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
