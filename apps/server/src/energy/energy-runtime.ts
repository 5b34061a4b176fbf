import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import mqtt, { type MqttClient } from 'mqtt';
import type { Database } from '../db/schema.js';
import { continueEnergyBackfill } from '../demo/seed-energy.js';
import { closeDays } from './consumption.repository.js';
import { type EmbeddedBroker, startEmbeddedBroker } from './embedded-broker.js';
import {
  ENERGY_TOPIC_PREFIX,
  type MqttIngest,
  type MqttIngestStats,
  startMqttIngest,
} from './mqtt-ingest.js';

export interface EnergyRuntime {
  /** The broker the server subscribes to (configured or embedded); null when MQTT is off. */
  readonly mqttUrl: string | null;
  readonly embeddedBroker: boolean;
  stats(): MqttIngestStats | null;
  /** Publishes a JSON payload on `ecep/energy/<meterId>` at QoS 1 (demo simulator). */
  publish(meterId: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

type Logger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/** How often closed days are checked for completeness (a day without any reading gets its alarm here). */
const CLOSE_DAYS_EVERY_MS = 5 * 60_000;
const BACKFILL_DELAY_MS = 10_000;

/**
 * Starts the energy side jobs of a server: MQTT ingestion when a broker URL is configured (or an embedded
 * broker when asked for, as `ecep demo` does), and the periodic closing of days for completeness alarms.
 */
export async function startEnergyRuntime(
  db: Kysely<Database>,
  opts: { mqttUrl: string | null; embeddedBroker?: boolean },
  log: Logger,
): Promise<EnergyRuntime> {
  let broker: EmbeddedBroker | null = null;
  let url = opts.mqttUrl;
  if (!url && opts.embeddedBroker) {
    broker = await startEmbeddedBroker();
    url = broker.url;
    log.info({ url }, 'embedded MQTT broker started');
  }
  let ingest: MqttIngest | null = null;
  let publisher: MqttClient | null = null;
  if (url) ingest = startMqttIngest(db, url, log);
  if (ingest && broker) {
    // Subscribe before anyone publishes on the fresh broker, so the first readings are not dropped.
    await Promise.race([ingest.ready, new Promise((r) => setTimeout(r, 5_000).unref())]);
  }

  let closing = false;
  let running = false;
  const tick = () => {
    if (running || closing) return;
    running = true;
    closeDays(db, Date.now())
      .catch((err: unknown) => log.error({ err }, 'closing energy days failed'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, CLOSE_DAYS_EVERY_MS);
  timer.unref();
  const firstTick = setTimeout(tick, 5_000);
  firstTick.unref();
  // Demo history older than yesterday is loaded once the server listens, in small steps that leave room for
  // requests (PGlite runs on this thread). Nothing to do outside the demo.
  let backfill: Promise<unknown> = Promise.resolve();
  const backfillStart = setTimeout(() => {
    backfill = continueEnergyBackfill(db, {
      shouldStop: () => closing,
      pauseMs: 100,
      onMeter: (done, total) => {
        if (done === total || done % 10 === 0) {
          log.info({ done, total }, 'demo energy history backfilled (meters)');
        }
      },
    }).catch((err: unknown) => log.error({ err }, 'demo energy backfill failed'));
  }, BACKFILL_DELAY_MS);
  backfillStart.unref();

  return {
    mqttUrl: url,
    embeddedBroker: broker !== null,
    stats: () => ingest?.stats() ?? null,
    publish: async (meterId, payload) => {
      if (!url) throw new Error('MQTT is off: no --mqtt-url and no embedded broker');
      if (!publisher) {
        publisher = mqtt.connect(url, {
          clientId: `ecep-energy-publisher-${process.pid}`,
          reconnectPeriod: 2000,
        });
        publisher.on('error', (err) => log.warn({ err }, 'energy MQTT publisher error'));
      }
      await publisher.publishAsync(`${ENERGY_TOPIC_PREFIX}/${meterId}`, JSON.stringify(payload), { qos: 1 });
    },
    close: async () => {
      closing = true;
      clearInterval(timer);
      clearTimeout(firstTick);
      clearTimeout(backfillStart);
      await backfill;
      if (publisher) await publisher.endAsync();
      if (ingest) await ingest.close();
      if (broker) await broker.close();
    },
  };
}
