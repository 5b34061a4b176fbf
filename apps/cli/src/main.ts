import { Command } from 'commander';
import { registerCalc } from './commands/calc.js';
import { registerHj212 } from './commands/hj212.js';
import { registerMigrate } from './commands/migrate.js';
import { registerPlan } from './commands/plan.js';
import { registerRollup } from './commands/rollup.js';
import { registerServe } from './commands/serve.js';

const program = new Command();
program
  .name('ecep')
  .description('ECEP 节能环保监管平台 — Energy Conservation & Environmental Protection supervision platform')
  .version('0.1.0');
registerServe(program);
registerMigrate(program);
registerCalc(program);
registerHj212(program);
registerPlan(program);
registerRollup(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A failed command says what went wrong in one line, not a stack of the database driver's internals.
  const message = err instanceof Error ? err.message : String(err);
  const cause =
    err instanceof Error && err.cause instanceof Error ? `\n  原因 / cause: ${err.cause.message}` : '';
  console.error(`ecep: ${message}${cause}`);
  if (process.env.ECEP_DEBUG) console.error(err);
  process.exit(1);
}
