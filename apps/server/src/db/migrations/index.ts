import type { Migration } from 'kysely/migration';
import * as foundation from './20261124T1400-foundation.js';
import * as regions from './20261124T1410-regions.js';
import * as monitoring from './20261124T1500-monitoring.js';
import * as rollups from './20261124T1600-rollups.js';
import * as alarms from './20261124T1700-alarms.js';
import * as rollupDay from './20261124T1800-rollup-day.js';
import * as rollupMonth from './20261124T1810-rollup-month.js';
import * as energyMeters from './20261125T1100-energy-meters.js';
import * as solidWaste from './20261125T1200-solid-waste.js';
import * as projects from './20261125T1210-projects.js';
import * as tasks from './20261125T1220-tasks.js';
import * as targetsReporting from './20261125T1300-targets-reporting.js';
import * as measurementKeyOrder from './20261126T0900-measurement-key-order.js';
import * as measurementCompactKey from './20261127T0900-measurement-compact-key.js';
import * as quarantineImplausibleTime from './20261128T0900-quarantine-implausible-time.js';

/** All migrations, keyed by a timestamped name; they run in name order. */
export const migrations: Record<string, Migration> = {
  '20261124T1400-foundation': foundation,
  '20261124T1410-regions': regions,
  '20261124T1500-monitoring': monitoring,
  '20261124T1600-rollups': rollups,
  '20261124T1700-alarms': alarms,
  '20261124T1800-rollup-day': rollupDay,
  '20261124T1810-rollup-month': rollupMonth,
  '20261125T1100-energy-meters': energyMeters,
  '20261125T1200-solid-waste': solidWaste,
  '20261125T1210-projects': projects,
  '20261125T1220-tasks': tasks,
  '20261125T1300-targets-reporting': targetsReporting,
  '20261126T0900-measurement-key-order': measurementKeyOrder,
  '20261127T0900-measurement-compact-key': measurementCompactKey,
  '20261128T0900-quarantine-implausible-time': quarantineImplausibleTime,
};
