import type {
  Alarm,
  AlarmList,
  AlarmQuery,
  DailyList,
  Device,
  DeviceSettings,
  DeviceStatus,
  FactorCatalog,
  GatewayStatus,
  HourlyList,
  MeasurementList,
  MonitoringOverview,
  RateList,
} from '@ecep/contract';
import { call } from '../../api';

const dev = (mn: string) => `/api/monitoring/devices/${encodeURIComponent(mn)}`;
type Range = { from: string; to: string };

/** The 在线监测 endpoints the screens use, through the app's one client (401 → login). */
export const monitoringApi = {
  overview: () => call((api) => api.request<MonitoringOverview>('GET', '/api/monitoring/overview')),
  gateway: () => call((api) => api.request<GatewayStatus>('GET', '/api/monitoring/gateway')),
  factors: () => call((api) => api.request<FactorCatalog>('GET', '/api/monitoring/factors')),
  device: (mn: string) => call((api) => api.request<Device>('GET', dev(mn))),
  status: (mn: string) => call((api) => api.request<DeviceStatus>('GET', `${dev(mn)}/status`)),
  data: (mn: string, range: Range & { cn?: string }) =>
    call((api) => api.request<MeasurementList>('GET', `${dev(mn)}/data`, undefined, range)),
  hourly: (mn: string, range: Range) =>
    call((api) => api.request<HourlyList>('GET', `${dev(mn)}/hourly`, undefined, range)),
  daily: (mn: string, range: Range) =>
    call((api) => api.request<DailyList>('GET', `${dev(mn)}/daily`, undefined, range)),
  rates: (mn: string, range: Range) =>
    call((api) => api.request<RateList>('GET', `${dev(mn)}/rates`, undefined, range)),
  settings: (mn: string) => call((api) => api.request<DeviceSettings>('GET', `${dev(mn)}/settings`)),
  saveSettings: (mn: string, body: DeviceSettings) =>
    call((api) => api.request<DeviceSettings>('PUT', dev(mn), body)),
  alarms: (query: AlarmQuery) =>
    call((api) => api.request<AlarmList>('GET', '/api/monitoring/alarms', undefined, query)),
  ack: (id: string, comment: string) =>
    call((api) =>
      api.request<Alarm>('POST', `/api/monitoring/alarms/${encodeURIComponent(id)}/ack`, { comment }),
    ),
};

/** URL of the server-sent event stream of one device, or of every device in scope. */
export const liveStreamUrl = (mn?: string) =>
  mn ? `/api/monitoring/live?mn=${encodeURIComponent(mn)}` : '/api/monitoring/live';
