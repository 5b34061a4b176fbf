import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { defaultPlanFiles } from './plan.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const GANSU = join(REPO, 'plans', 'gansu-2018-energy-saving-environmental-industry.yaml');

describe('ecep plan check', () => {
  it('finds the repository plans/*.yaml from a nested directory', () => {
    const files = defaultPlanFiles(join(REPO, 'apps', 'cli', 'src'));
    expect(files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual([
      'gansu-2018-energy-saving-environmental-industry.yaml',
      'miit-2014-industrial-green-development.yaml',
      'shanxi-2012-energy-saving-emission-reduction.yaml',
      'shanxi-2014-industrial-energy-saving-environmental-industry.yaml',
      'shanxi-2020-energy-saving-resource-utilization.yaml',
    ]);
  });

  it('checks every plans/*.yaml by default, with a one-line summary each and exit code 0', async () => {
    const run = await runCli(['plan', 'check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summaries = run.stdout.split('\n').filter((l) => l.startsWith('✓ '));
    expect(summaries).toHaveLength(5);
    expect(run.stdout).toMatch(/shanxi-2012-energy-saving-emission-reduction: 85 targets, 12 tasks/);
  });

  it('prints file:line:column, the field and the message of each error and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecep-plan-'));
    const bad = join(dir, 'bad.yaml');
    const text = readFileSync(GANSU, 'utf8').replace(
      'target: { year: 2020, value: 1000,',
      'target: { year: 2020, value: lots,',
    );
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l.includes('value: lots')) + 1;
    const run = await runCli(['plan', 'check', GANSU, bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✓ .*gansu-2018/m);
    const errorLine = run.stdout.split('\n').find((l) => l.includes('bad.yaml:'));
    expect(errorLine).toMatch(
      new RegExp(`bad\\.yaml:${line}:\\d+  targets\\[0\\]\\.target\\.value  应为数值`),
    );
    expect(run.stdout).toMatch(/✗ .*bad\.yaml: 1 error/);
  });
});
