import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Factor codes → their numbers in `measurement_factor`, cached for the life of the process. Codes never seen
 * before (unknown factors are kept, not dropped) are added on first sight. Entries are never changed or removed,
 * so every process may keep its own cache.
 */
export class FactorDictionary {
  private readonly ids = new Map<string, number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The number of a code already ensured, or undefined. */
  idOf(code: string): number | undefined {
    return this.ids.get(code);
  }

  /**
   * Gives every code a number. Call it outside the transaction that writes the values: the new entries commit on
   * their own, so concurrent writers never wait on each other's data transactions for them.
   */
  async ensure(codes: Iterable<string>): Promise<void> {
    const missing = new Set<string>();
    for (const code of codes) if (!this.ids.has(code)) missing.add(code);
    if (missing.size === 0) return;
    await this.load([...missing]);
    const unseen = [...missing].filter((code) => !this.ids.has(code));
    if (unseen.length === 0) return;
    // Insert only codes that were not there a moment ago: a conflict (another process, same instant) still
    // spends an identity number, so conflicts are kept to such races.
    await this.db
      .insertInto('measurement_factor')
      .values(unseen.map((code) => ({ code })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await this.load(unseen);
  }

  private async load(codes: string[]): Promise<void> {
    const rows = await this.db
      .selectFrom('measurement_factor')
      .select(['id', 'code'])
      .where('code', 'in', codes)
      .execute();
    for (const r of rows) this.ids.set(r.code, r.id);
  }
}
