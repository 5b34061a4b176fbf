import { buildDataPacket, type CrcMode, decodeStream, encodeFrame, toDecodeJson } from '@ecep/hj212';
import { type Command, Option } from 'commander';
import { runSimulation } from '../simulator/run-simulation.js';
import { readStdin } from '../stdin.js';
import { numberFlag } from './number-flag.js';
import { parseInstant } from './rollup.js';

const CRC_MODES = ['hj212', 'modbus-le', 'modbus-be', 'none'] as const;

export function registerHj212(program: Command): void {
  const hj = program.command('hj212').description('HJ 212-2017 协议工具 / protocol tools');

  hj.command('decode')
    .description('解码 / decode a byte stream on stdin: one JSON object per frame')
    .addOption(new Option('--crc <mode>', 'CRC mode').choices(CRC_MODES).default('hj212'))
    .action(async (opts: { crc: CrcMode }) => {
      const results = decodeStream(await readStdin(), { crcMode: opts.crc });
      for (const r of results) process.stdout.write(`${JSON.stringify(toDecodeJson(r))}\n`);
      process.exitCode = results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
    });

  hj.command('encode')
    .description(
      '编码 / JSON on stdin → packet: {"segment":"QN=…;CP=&&…&&"} or {"st","cn","mn","pw","qn"?,"flag"?,"dataTime","factors":{"a21026":{"avg":12.3,"flag":"N"}}}',
    )
    .addOption(new Option('--crc <mode>', 'CRC mode').choices(CRC_MODES).default('hj212'))
    .action(async (opts: { crc: CrcMode }) => {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse((await readStdin()).toString('utf8')) as Record<string, unknown>;
      } catch (err) {
        console.error(`ecep hj212 encode: stdin is not valid JSON: ${String(err)}`);
        process.exitCode = 2;
        return;
      }
      if (typeof input.segment === 'string') {
        process.stdout.write(encodeFrame(input.segment, opts.crc));
        return;
      }
      const missing = ['st', 'cn', 'mn', 'pw', 'dataTime', 'factors'].filter((k) => input[k] === undefined);
      if (missing.length > 0) {
        console.error(`ecep hj212 encode: missing field(s) ${missing.join(', ')} (or give "segment")`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(
        encodeFrame(buildDataPacket(input as unknown as Parameters<typeof buildDataPacket>[0]), opts.crc),
      );
    });

  hj.command('simulate')
    .description('模拟数采仪 / simulate data units: each device its own connection, waits for 9014, resends')
    .option('--host <host>', 'gateway host', '127.0.0.1')
    .option('--port <port>', 'gateway port', '9212')
    .option('--devices <n>', 'number of devices', '10')
    .option('--cn <list>', 'CNs to upload', '2051')
    .option('--rate <n>', 'packets per second per device and CN', '1')
    .option('--duration <s>', 'seconds to run', '10')
    .option('--mn-prefix <prefix>', 'MN prefix; device i is prefix + zero-padded i', 'SIM')
    .option('--password <pw>', 'PW of every simulated device', '123456')
    .option('--ack-timeout <ms>', 'resend after this long without a 9014', '5000')
    .option('--max-resends <n>', 'give up on a packet after this many resends', '3')
    .option(
      '--window <n>',
      'most unacknowledged packets per device; a full window holds sends back (0: no limit)',
      '0',
    )
    .option(
      '--replay',
      'load tests: repeat a few recorded packets per CN (only QN, DataTime and CRC change), far less CPU per packet',
    )
    .option(
      '--start <iso>',
      'data time of the first packet, each next one a step later (default: 30 days ago)',
    )
    .action(async (o: Record<string, string>) => {
      const report = await runSimulation({
        host: o.host ?? '127.0.0.1',
        port: numberFlag('port', o.port, { min: 1, integer: true }),
        devices: numberFlag('devices', o.devices, { min: 1, integer: true }),
        cns: (o.cn ?? '2051').split(',').map((s) => s.trim()),
        ratePerDevice: numberFlag('rate', o.rate),
        durationS: numberFlag('duration', o.duration),
        mnPrefix: o.mnPrefix ?? 'SIM',
        password: o.password ?? '123456',
        ackTimeoutMs: numberFlag('ack-timeout', o.ackTimeout, { min: 1 }),
        maxResends: numberFlag('max-resends', o.maxResends, { integer: true }),
        window: numberFlag('window', o.window, { integer: true }),
        // A flag without a value: commander gives true when present.
        replay: (o.replay as unknown) === true,
        startDataTimeMs: o.start
          ? parseInstant('start', o.start).getTime()
          : Math.floor(Date.now() / 60_000) * 60_000 - 30 * 86_400_000,
        onProgress: (line) => process.stderr.write(`\r${line}   `),
      });
      process.stderr.write('\n');
      process.stdout.write(`${JSON.stringify(report)}\n`);
      if (report.connected === 0) {
        console.error(`无法连接网关 / could not connect to ${o.host}:${o.port}: is ecep serve running?`);
        process.exitCode = 1;
      } else if (report.acked === 0 && report.sent > 0) {
        console.error(
          '没有收到任何 9014 应答 / no acks: are the devices registered (POST /api/monitoring/devices)?',
        );
      }
    });
}
