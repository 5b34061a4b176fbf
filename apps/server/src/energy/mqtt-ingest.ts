import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import mqtt, { type MqttClient } from 'mqtt';
import type { Database } from '../db/schema.js';
import { findMeterRow, type MeterRow } from './energy-meter.repository.js';
import { ingestReadings } from './reading-ingest.js';

export const ENERGY_TOPIC_PREFIX = 'ecep/energy';

export interface MqttIngestStats {
  messages: number;
  readingsAccepted: number;
  readingsDuplicate: number;
  /** Messages dropped (acknowledged, nothing stored) because of their topic or payload. */
  bad: number;
  /** Messages not acknowledged because storing failed; the broker sends them again. */
  failed: number;
  lastBadReason: string | null;
}

export interface MqttIngest {
  readonly url: string;
  stats(): MqttIngestStats;
  /** Resolves once subscribed (the first time). */
  ready: Promise<void>;
  close(): Promise<void>;
}

type Logger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads `{"time","value"}`, `{"readings":[…]}` or a bare array; anything else is a bad payload. */
export function parsePayload(
  payload: Buffer,
): { ok: true; items: unknown[] } | { ok: false; reason: string } {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  if (Array.isArray(body))
    return body.length > 0 ? { ok: true, items: body } : { ok: false, reason: 'empty array' };
  if (typeof body === 'object' && body !== null) {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.readings)) {
      return o.readings.length > 0
        ? { ok: true, items: o.readings }
        : { ok: false, reason: 'readings is empty' };
    }
    if ('time' in o || 'value' in o) return { ok: true, items: [o] };
  }
  return { ok: false, reason: 'expected {"time","value"} or {"readings":[…]}' };
}

/**
 * Subscribes `ecep/energy/+` at QoS 1 and stores each message's readings for the meter named by the last
 * topic level. The PUBACK is sent only after the readings are committed: mqtt.js sends it when our
 * `handleMessage` calls back, so a crash before commit leaves the message unacknowledged and the broker
 * delivers it again (at least once; storing is idempotent per meter and instant). With the persistent
 * session (clean: false, fixed client id) the broker also keeps messages published while we are away.
 * A bad topic or payload is logged with its reason, counted and acknowledged: resending would not help.
 */
export function startMqttIngest(
  db: Kysely<Database>,
  url: string,
  log: Logger,
  opts: { clientId?: string; clean?: boolean } = {},
): MqttIngest {
  const stats: MqttIngestStats = {
    messages: 0,
    readingsAccepted: 0,
    readingsDuplicate: 0,
    bad: 0,
    failed: 0,
    lastBadReason: null,
  };
  const meters = new Map<string, { row: MeterRow | undefined; at: number }>();
  const meterOf = async (id: string) => {
    const cached = meters.get(id);
    if (cached && Date.now() - cached.at < 30_000) return cached.row;
    const row = await findMeterRow(db, id);
    meters.set(id, { row, at: Date.now() });
    return row;
  };
  const bad = (topic: string, reason: string) => {
    stats.bad++;
    stats.lastBadReason = `${topic}: ${reason}`;
    log.warn({ topic, reason }, 'energy MQTT message dropped');
  };

  const client: MqttClient = mqtt.connect(url, {
    clientId: opts.clientId ?? 'ecep-energy-ingest',
    clean: opts.clean ?? false,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
  });
  const handle = async (topic: string, payload: Buffer): Promise<void> => {
    stats.messages++;
    const parts = topic.split('/');
    const meterId = parts.at(-1) ?? '';
    if (parts.length !== 3 || `${parts[0]}/${parts[1]}` !== ENERGY_TOPIC_PREFIX || !UUID.test(meterId)) {
      return bad(topic, 'expected topic ecep/energy/<meterId (uuid)>');
    }
    const parsed = parsePayload(payload);
    if (!parsed.ok) return bad(topic, parsed.reason);
    const meter = await meterOf(meterId);
    if (!meter) return bad(topic, 'no such meter');
    if (!meter.active) return bad(topic, 'meter is inactive');
    const result = await ingestReadings(db, meter, parsed.items, 'mqtt', { userId: null, name: 'mqtt' });
    stats.readingsAccepted += result.accepted + result.overwritten;
    stats.readingsDuplicate += result.duplicate;
    if (result.rejected > 0) {
      const first = result.errors[0];
      bad(
        topic,
        `${result.rejected} reading(s) rejected${first ? `: [${first.index}].${first.field} ${first.reason}` : ''}`,
      );
    }
  };
  // Messages are handled one at a time; the acknowledgement waits for the callback.
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const payload =
      typeof packet.payload === 'string' ? Buffer.from(packet.payload) : Buffer.from(packet.payload);
    handle(packet.topic, payload).then(
      () => callback(),
      (err: unknown) => {
        stats.failed++;
        log.error({ err, topic: packet.topic }, 'energy MQTT message not stored; it stays unacknowledged');
        callback(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };
  const ready = new Promise<void>((resolve) => {
    client.on('connect', () => {
      client.subscribe(`${ENERGY_TOPIC_PREFIX}/+`, { qos: 1 }, (err) => {
        if (err) log.error({ err }, 'energy MQTT subscribe failed');
        else {
          log.info({ url: redact(url) }, 'energy MQTT ingest subscribed to ecep/energy/+');
          resolve();
        }
      });
    });
  });
  client.on('error', (err) => log.warn({ err }, 'energy MQTT client error'));
  return {
    url,
    stats: () => ({ ...stats }),
    ready,
    close: () => new Promise<void>((resolve) => client.end(false, {}, () => resolve())),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
