import type { ConfigInput } from '@ecep/server';
import type { Command } from 'commander';

/** The flags shared by every command that opens the database or serves. Flags beat ECEP_* env, which beat defaults. */
export function withServerOptions(cmd: Command): Command {
  return cmd
    .option('--http-port <port>', 'HTTP port (env ECEP_HTTP_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env ECEP_HOST, default 0.0.0.0)')
    .option('--data-dir <dir>', 'PGlite data directory (env ECEP_DATA_DIR, default ./.ecep-data)')
    .option('--database-url <url>', 'PostgreSQL URL; overrides the embedded database (env DATABASE_URL)')
    .option('--hj212-port <port>', 'HJ 212 TCP gateway port (env ECEP_HJ212_PORT, default 9212)')
    .option('--web-dir <dir>', 'built web app to serve (default: apps/web/dist)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (env ECEP_LOG_LEVEL)')
    .option(
      '--mqtt-url <url>',
      'MQTT broker for energy-meter readings, topic ecep/energy/<meterId> (env ECEP_MQTT_URL)',
    );
}

export interface ServerFlags {
  httpPort?: string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  hj212Port?: string;
  webDir?: string;
  logLevel?: string;
  mqttUrl?: string;
}

export function toConfigInput(flags: ServerFlags, defaults: { webDir?: string } = {}): ConfigInput {
  return {
    httpPort: flags.httpPort,
    host: flags.host,
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    hj212Port: flags.hj212Port,
    webDir: flags.webDir ?? process.env.ECEP_WEB_DIR ?? defaults.webDir,
    logLevel: flags.logLevel,
    mqttUrl: flags.mqttUrl,
  };
}
