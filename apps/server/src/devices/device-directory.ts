import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface DeviceAuth {
  /** The device's number in the measurement key. */
  id: number;
  mn: string;
  password: string;
  crcMode: 'hj212' | 'modbus-le' | 'modbus-be' | 'none';
  disabled: boolean;
}

/**
 * What the gateway needs to know about each MN, cached: the hot path must not query per packet.
 * Editing a device through the API calls `invalidate`.
 */
export class DeviceDirectory {
  private cache = new Map<string, DeviceAuth | null>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  private async loadAll(): Promise<void> {
    const rows = await this.db
      .selectFrom('monitoring_device')
      .select(['id', 'mn', 'password', 'crc_mode', 'disabled'])
      .execute();
    const next = new Map<string, DeviceAuth | null>();
    for (const r of rows) {
      next.set(r.mn, {
        id: r.id,
        mn: r.mn,
        password: r.password,
        crcMode: r.crc_mode as DeviceAuth['crcMode'],
        disabled: r.disabled,
      });
    }
    this.cache = next;
  }

  async get(mn: string): Promise<DeviceAuth | null> {
    this.loaded ??= this.loadAll();
    await this.loaded;
    const hit = this.cache.get(mn);
    if (hit !== undefined) return hit;
    // A device registered by another process since the last load.
    const row = await this.db
      .selectFrom('monitoring_device')
      .select(['id', 'mn', 'password', 'crc_mode', 'disabled'])
      .where('mn', '=', mn)
      .executeTakeFirst();
    const auth = row
      ? {
          id: row.id,
          mn: row.mn,
          password: row.password,
          crcMode: row.crc_mode as DeviceAuth['crcMode'],
          disabled: row.disabled,
        }
      : null;
    // Unknown MNs are not cached, so registering a device takes effect on its next packet.
    if (auth) this.cache.set(mn, auth);
    return auth;
  }

  /** Synchronous lookup for the hot path; undefined when not cached yet. */
  peek(mn: string): DeviceAuth | null | undefined {
    return this.cache.get(mn);
  }

  invalidate(mn?: string): void {
    if (mn) this.cache.delete(mn);
    else this.loaded = null;
  }
}
