import type {
  EnergyAlarmList,
  EnergyAlarmQuery,
  EnergyMeterList,
  EnterpriseConsumption,
  MeterCompleteness,
  MeterConsumption,
  RegionConsumption,
} from '@ecep/contract';
import { call } from '../../api';

type Range = { from: string; to: string };
const meter = (id: string) => `/api/energy/meters/${encodeURIComponent(id)}`;

/** The 能耗在线监测 endpoints the screens use, through the app's one client (401 → login). */
export const energyApi = {
  meters: (enterpriseId?: string) =>
    call((api) =>
      api.request<EnergyMeterList>(
        'GET',
        '/api/energy/meters',
        undefined,
        enterpriseId ? { enterpriseId } : undefined,
      ),
    ),
  meterConsumption: (id: string, q: Range & { granularity: '15min' | 'hour' | 'day' | 'month' }) =>
    call((api) => api.request<MeterConsumption>('GET', `${meter(id)}/consumption`, undefined, q)),
  completeness: (id: string, q: Range) =>
    call((api) => api.request<MeterCompleteness>('GET', `${meter(id)}/completeness`, undefined, q)),
  enterpriseConsumption: (id: string, q: Range & { granularity: 'day' | 'month' }) =>
    call((api) =>
      api.request<EnterpriseConsumption>(
        'GET',
        `/api/energy/enterprises/${encodeURIComponent(id)}/consumption`,
        undefined,
        q,
      ),
    ),
  regionConsumption: (code: string, q: Range & { granularity: 'month' | 'year' }) =>
    call((api) =>
      api.request<RegionConsumption>(
        'GET',
        `/api/energy/regions/${encodeURIComponent(code)}/consumption`,
        undefined,
        q,
      ),
    ),
  alarms: (q: EnergyAlarmQuery) =>
    call((api) => api.request<EnergyAlarmList>('GET', '/api/energy/alarms', undefined, q)),
};
