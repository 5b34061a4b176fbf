import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ConsumptionService } from './consumption.service.js';
import { registerEnergyRoutes } from './energy.routes.js';
import { MeterService } from './meter.service.js';

export { closeDays } from './consumption.repository.js';
export { type EnergyRuntime, startEnergyRuntime } from './energy-runtime.js';
export { MeterService } from './meter.service.js';
export { ingestReadings } from './reading-ingest.js';

/** Registers the energy-metering API: meters, readings, consumption, completeness and alarms. */
export function registerEnergy(app: FastifyInstance, db: Kysely<Database>): void {
  registerEnergyRoutes(app, db, new MeterService(db), new ConsumptionService(db));
}
