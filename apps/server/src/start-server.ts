import type { FastifyInstance } from 'fastify';
import { syncOfflineAlarms } from './alarms/alarm.repository.js';
import { OFFLINE_INTERVALS } from './alarms/alarm-rules.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createDb, type DbHandle } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { DeviceDirectory } from './devices/device-directory.js';
import { type EnergyRuntime, startEnergyRuntime } from './energy/index.js';
import { type Hj212Gateway, startHj212Gateway } from './gateway/hj212-server.js';
import { LiveFeed } from './live/index.js';
import { RollupService } from './rollups/rollup.service.js';
import { type AdminBootstrap, ensureAdmin } from './users/bootstrap.js';

export interface RunningServer {
  app: FastifyInstance;
  db: DbHandle;
  url: string;
  gateway: Hj212Gateway;
  admin: AdminBootstrap;
  /** Energy-meter MQTT ingestion (configured or embedded broker) and completeness day closing. */
  energy: EnergyRuntime;
  close(): Promise<void>;
}

/** Opens the database, migrates, ensures the first admin, builds the app and listens. */
export async function startServer(
  config: Config,
  hooks: {
    beforeListen?: (db: DbHandle) => Promise<void>;
    /** Start an in-process MQTT broker for energy readings when no --mqtt-url is configured (demo). */
    embeddedMqtt?: boolean;
  } = {},
): Promise<RunningServer> {
  const db = await createDb(config);
  try {
    await migrateToLatest(db.db);
    const admin = await ensureAdmin(db.db, config.adminPassword);
    if (hooks.beforeListen) await hooks.beforeListen(db);
    const directory = new DeviceDirectory(db.db);
    // The routes ask the gateway about live connections; the gateway logs through the app's logger.
    let gatewayRef: Hj212Gateway | null = null;
    const live = {
      connectionOf: (mn: string) => gatewayRef?.connectionOf(mn) ?? null,
      gatewayStatus: () => gatewayRef?.gatewayStatus() ?? null,
    };
    const liveFeed = new LiveFeed();
    const app = await buildApp(config, { db, directory, live, liveFeed });
    const gateway = await startHj212Gateway(
      db,
      directory,
      { port: config.hj212Port, host: config.host, onStored: (items) => liveFeed.publish(items) },
      config.gateway,
      app.log,
    );
    gatewayRef = gateway;
    // Hourly rollups follow the data: hours marked by the gateway are rolled up once they close.
    const rollups = new RollupService(db.db);
    let rolling = false;
    const rollupTimer = setInterval(() => {
      if (rolling) return;
      rolling = true;
      rollups
        .processDirty(Date.now())
        .then(() => syncOfflineAlarms(db.db, Date.now(), OFFLINE_INTERVALS))
        .catch((err: unknown) => app.log.error({ err }, 'hourly rollup or offline check failed'))
        .finally(() => {
          rolling = false;
        });
    }, 30_000);
    rollupTimer.unref();
    const energy = await startEnergyRuntime(
      db.db,
      { mqttUrl: config.mqttUrl, embeddedBroker: hooks.embeddedMqtt ?? false },
      app.log,
    );
    await app.listen({ port: config.httpPort, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.httpPort;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    let closed = false;
    return {
      app,
      db,
      url: `http://${shownHost}:${port}`,
      gateway,
      admin,
      energy,
      close: async () => {
        if (closed) return;
        closed = true;
        clearInterval(rollupTimer);
        await app.close();
        await gateway.close();
        await energy.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
