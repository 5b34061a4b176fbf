import path from 'node:path';
import { DEFAULT_GATEWAY_OPTIONS, type GatewayOptions } from './gateway/gateway-options.js';

/** Everything the server needs from outside, read once and frozen. */
export interface Config {
  readonly httpPort: number;
  readonly host: string;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). Ignored when databaseUrl is set. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  readonly databaseUrl: string | null;
  readonly hj212Port: number;
  /** Directory of the built web app to serve at `/`; null serves only the API. */
  readonly webDir: string | null;
  /** Password for the first `admin` user on an empty database; random when null. */
  readonly adminPassword: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly sessionTtlHours: number;
  /** Secure flag on the session cookie (set when served over HTTPS). */
  readonly secureCookies: boolean;
  /** MQTT broker for energy-meter readings (`ecep/energy/<meterId>`); null turns MQTT ingestion off. */
  readonly mqttUrl: string | null;
  /** Limits of the HJ 212 gateway, from `ECEP_HJ212_*` (see GATEWAY_ENV). */
  readonly gateway: Readonly<GatewayOptions>;
}

/** The gateway limits as environment variables: name, option, unit factor to the option's unit, least value. */
export const GATEWAY_ENV: ReadonlyArray<[string, keyof GatewayOptions, number, number]> = [
  ['ECEP_HJ212_IDLE_TIMEOUT_S', 'idleTimeoutMs', 1000, 1],
  ['ECEP_HJ212_MAX_FRAME_BYTES', 'maxSegmentBytes', 1, 64],
  ['ECEP_HJ212_MAX_IN_FLIGHT_PER_CONNECTION', 'maxInFlightPerConnection', 1, 1],
  ['ECEP_HJ212_MAX_QUEUED_FRAMES', 'maxQueuedFrames', 1, 1],
  ['ECEP_HJ212_BATCH_FRAMES', 'maxBatchFrames', 1, 1],
  ['ECEP_HJ212_BATCH_DELAY_MS', 'maxBatchDelayMs', 1, 0],
  ['ECEP_HJ212_SPLIT_WAIT_S', 'splitMaxAgeMs', 1000, 1],
  ['ECEP_HJ212_WRITE_LANES', 'writeLanes', 1, 1],
  ['ECEP_HJ212_MAX_DATA_TIME_AHEAD_S', 'maxDataTimeAheadMs', 1000, 60],
];

export type ConfigInput = Partial<{
  [K in Exclude<keyof Config, 'gateway'>]: Config[K] | string | undefined;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Builds the config from flags (highest precedence), then `ECEP_*` environment variables, then defaults.
 * Fails listing every problem at once.
 */
export function loadConfig(flags: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const pick = (key: keyof ConfigInput, envName: string): string | undefined => {
    const flag = flags[key];
    if (flag !== undefined && flag !== null) return String(flag);
    return env[envName];
  };
  const port = (key: keyof ConfigInput, envName: string, fallback: number): number => {
    const raw = pick(key, envName);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      problems.push(`${envName} / --${kebab(key)}: expected a port number 0–65535, got "${raw}"`);
      return fallback;
    }
    return n;
  };

  const logLevel = pick('logLevel', 'ECEP_LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`ECEP_LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const databaseUrl = pick('databaseUrl', 'ECEP_DATABASE_URL') ?? env.DATABASE_URL ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      `DATABASE_URL / --database-url: expected postgres://… or postgresql://…, got "${databaseUrl}"`,
    );
  }
  const ttlRaw = pick('sessionTtlHours', 'ECEP_SESSION_TTL_HOURS') ?? '12';
  const sessionTtlHours = Number(ttlRaw);
  if (!(sessionTtlHours > 0))
    problems.push(`ECEP_SESSION_TTL_HOURS: expected a positive number, got "${ttlRaw}"`);
  const adminPassword = pick('adminPassword', 'ECEP_ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    problems.push('ECEP_ADMIN_PASSWORD: expected at least 8 characters');
  }
  const dataDir = pick('dataDir', 'ECEP_DATA_DIR') ?? '.ecep-data';
  const webDir = pick('webDir', 'ECEP_WEB_DIR') ?? null;
  const mqttUrl = pick('mqttUrl', 'ECEP_MQTT_URL') || null;
  if (mqttUrl && !/^(mqtts?|wss?):\/\/[^/]/.test(mqttUrl)) {
    problems.push(
      `ECEP_MQTT_URL / --mqtt-url: expected mqtt://host:port (or mqtts://, ws://, wss://), got "${mqttUrl}"`,
    );
  }

  const gateway: GatewayOptions = { ...DEFAULT_GATEWAY_OPTIONS };
  for (const [envName, key, factor, least] of GATEWAY_ENV) {
    const raw = env[envName];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < least) {
      problems.push(`${envName}: expected a whole number ≥ ${least}, got "${raw}"`);
      continue;
    }
    gateway[key] = n * factor;
  }
  if (gateway.maxSegmentBytes > 9999) {
    problems.push(
      `ECEP_HJ212_MAX_FRAME_BYTES: at most 9999 (the length field has 4 digits), got ${gateway.maxSegmentBytes}`,
    );
  }

  const config: Config = {
    httpPort: port('httpPort', 'ECEP_HTTP_PORT', 8080),
    host: pick('host', 'ECEP_HOST') ?? '0.0.0.0',
    dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir),
    databaseUrl: databaseUrl || null,
    hj212Port: port('hj212Port', 'ECEP_HJ212_PORT', 9212),
    webDir: webDir ? path.resolve(webDir) : null,
    adminPassword,
    logLevel: logLevel as Config['logLevel'],
    sessionTtlHours,
    secureCookies: (pick('secureCookies', 'ECEP_SECURE_COOKIES') ?? 'false') === 'true',
    mqttUrl,
    gateway: Object.freeze(gateway),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
