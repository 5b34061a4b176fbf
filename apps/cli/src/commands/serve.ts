import { fileURLToPath } from 'node:url';
import type { RunningServer, seedDemo } from '@ecep/server';
import type { Command } from 'commander';
import { type ServerFlags, toConfigInput, withServerOptions } from '../server-options.js';

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

async function run(flags: ServerFlags, demo: boolean): Promise<void> {
  // Loaded on use so that light commands (calc, hj212) start fast.
  const { ConfigError, loadConfig, seedDemo, startServer } = await import('@ecep/server');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(toConfigInput(flags, { webDir: DEFAULT_WEB_DIR }));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const started = Date.now();
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  console.log(`ECEP 正在启动 / starting… database: ${where}`);
  let demoResult: Awaited<ReturnType<typeof seedDemo>> | null = null;
  const server: RunningServer = await startServer(config, {
    beforeListen: async (db) => {
      if (demo) {
        console.log('加载演示数据 / loading demo data (山西省)…');
        demoResult = await seedDemo(db.db);
      }
    },
    embeddedMqtt: demo,
  });
  const lines = [
    '',
    `ECEP 节能环保监管平台 已启动 / running at ${server.url}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API 文档 / API docs: ${server.url}/api/docs`,
  ];
  if (server.admin.created && server.admin.generatedPassword) {
    lines.push(
      `  管理员 / admin login: admin / ${server.admin.generatedPassword}   (只显示这一次 / shown once — keep it)`,
    );
  } else if (server.admin.created) {
    lines.push('  管理员 / admin login: admin / (ECEP_ADMIN_PASSWORD)');
  } else {
    lines.push('  管理员 / admin: admin (password set at first start)');
  }
  const seeded = demoResult as Awaited<ReturnType<typeof seedDemo>> | null;
  if (seeded) {
    lines.push(
      `  演示数据 / demo data: 山西省, ${seeded.enterprises} 家企业${seeded.seeded ? '（新加载）' : ''}`,
    );
    lines.push('  演示账号 / demo logins (username / password — role, scope):');
    for (const u of seeded.users)
      lines.push(`    ${u.username.padEnd(11)} / ${u.password}  — ${u.role}, ${u.scope}`);
  }
  lines.push(`  HJ 212 网关 / gateway: tcp port ${server.gateway.port}`);
  if (!config.webDir) lines.push('  (web UI not built: run `npm run build`)');
  let stopSimulation: (() => void) | null = null;
  if (seeded && seeded.devices.length > 0) {
    const { startLiveSimulation } = await import('../simulator/live-simulation.js');
    stopSimulation = await startLiveSimulation(seeded.devices, {
      host: '127.0.0.1',
      port: server.gateway.port,
    });
    lines.push(
      `  模拟数采仪 / simulated data units: ${seeded.devices.length} 台，每分钟上报 2051（先补传近 6 小时）`,
    );
  }
  let stopEnergy: (() => void) | null = null;
  if (seeded && server.energy.mqttUrl) {
    const { startEnergySimulation } = await import('../simulator/energy-simulation.js');
    const energySim = await startEnergySimulation(server);
    stopEnergy = energySim.stop;
    lines.push(
      `  能耗在线监测 / energy meters: ${energySim.meters} 块，经 MQTT ${server.energy.mqttUrl}${server.energy.embeddedBroker ? '（内置）' : ''} 每 15 秒上报一个 15 分钟读数（先补传近 6 小时，更早 60 天历史在后台补齐）`,
    );
  }
  console.log(lines.join('\n'));

  const stop = async (signal: string) => {
    console.log(`\n${signal}: 正在停止 / stopping…`);
    stopEnergy?.();
    stopSimulation?.();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

export function registerServe(program: Command): void {
  withServerOptions(
    program.command('serve').description('启动服务 / start the API, web UI and gateways'),
  ).action((flags: ServerFlags) => run(flags, false));
  withServerOptions(
    program.command('demo').description('加载演示省份并启动 / load the demo province (Shanxi) and start'),
  ).action((flags: ServerFlags) => run(flags, true));
}
