import { calculationCatalog, runCalculation } from '@ecep/core';
import type { Command } from 'commander';
import { readStdin } from '../stdin.js';

/** `ecep calc NAME`: one JSON object in on stdin, one out on stdout; exit 2 with `{error}` on bad input. */
export function registerCalc(program: Command): void {
  program
    .command('calc')
    .argument('[name]', 'calculation name; omit to list them')
    .description('计算 / run a calculation: JSON in on stdin, JSON out (same as POST /api/calc/NAME)')
    .action(async (name: string | undefined) => {
      if (!name) {
        for (const c of calculationCatalog) console.log(`${c.name.padEnd(20)} ${c.titleZh} — ${c.titleEn}`);
        return;
      }
      const text = (await readStdin()).toString('utf8');
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (err) {
        const message = `stdin is not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
        process.stdout.write(
          `${JSON.stringify({ error: { code: 'CALC_INVALID_INPUT', message, path: '' } })}\n`,
        );
        process.exitCode = 2;
        return;
      }
      const result = runCalculation(name, input);
      if (result.ok) {
        process.stdout.write(`${JSON.stringify(result.output)}\n`);
      } else {
        process.stdout.write(`${JSON.stringify({ error: result.error })}\n`);
        process.exitCode = 2;
      }
    });
}
