import { findIndustry, type MonitoringOverview, type MonitoringSource } from '@ecep/contract';
import type { Kysely } from 'kysely';
import { type Principal, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import type { LiveConnections } from '../devices/device.routes.js';
import { deviceVisibleTo } from '../devices/device.service.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import type { LiveFeed } from './live-feed.js';
import { type SourceRow, sourceRows } from './overview.repository.js';
import { isOnline, sourceStatus } from './source-status.js';

const ms = (v: Date | string | null): number | null => (v === null ? null : new Date(v).getTime());

/** The 在线监测 overview: every source in the caller's scope with its live status, and the counts. */
export class MonitoringOverviewService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly live: LiveConnections | null,
    private readonly feed: LiveFeed | null,
  ) {}

  async overview(p: Principal, nowMs: number): Promise<MonitoringOverview> {
    const rows = await sourceRows(this.db, regionPrefix(p.regionCode), nowMs);
    const items = rows.filter((r) => deviceVisibleTo(p, r)).map((r) => this.toSource(r, nowMs));
    const online = items.filter((s) => s.online).length;
    return {
      generatedAt: toShanghaiIso(nowMs),
      counts: {
        total: items.length,
        online,
        offline: items.length - online,
        alarm: items.filter((s) => s.openAlarms > 0).length,
      },
      items,
    };
  }

  private toSource(r: SourceRow, nowMs: number): MonitoringSource {
    const expectedIntervalS = r.settings?.expectedIntervalS ?? 60;
    const connected = this.live?.connectionOf(r.mn) != null;
    const stored = ms(r.last_received_at);
    const heard = this.feed?.lastReceivedAt(r.mn) ?? null;
    const lastReceivedMs = stored === null ? heard : heard === null ? stored : Math.max(stored, heard);
    const online = !r.disabled && isOnline({ connected, lastReceivedMs, expectedIntervalS, nowMs });
    const openAlarms = Number(r.open_alarms);
    const industry = r.industry_code ? findIndustry(r.industry_code) : null;
    return {
      mn: r.mn,
      name: r.name,
      st: r.st,
      disabled: r.disabled,
      isDemo: r.is_demo,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      regionCode: r.region_code,
      cityCode: r.region_code ? `${r.region_code.slice(0, 4)}00` : null,
      cityName: r.city_name,
      industryCode: r.industry_code,
      industryName: industry?.name ?? null,
      industrySection: industry?.sectionCode ?? null,
      longitude: r.longitude === null ? null : Number(r.longitude),
      latitude: r.latitude === null ? null : Number(r.latitude),
      standardProfile: r.settings?.standardProfile ?? null,
      expectedIntervalS,
      connected,
      online,
      lastPacketAt: lastReceivedMs === null ? null : toShanghaiIso(lastReceivedMs),
      lastDataTime: r.last_data_time === null ? null : toShanghaiIso(r.last_data_time),
      openAlarms,
      status: sourceStatus(online, openAlarms),
    };
  }
}
