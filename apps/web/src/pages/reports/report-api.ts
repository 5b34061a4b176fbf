import type {
  Report,
  ReportContent,
  ReportCreate,
  ReportList,
  ReportListQuery,
  ReportStatus,
  ReportTotals,
  Role,
} from '@ecep/contract';
import { call } from '../../api';

export const listReports = (q: ReportListQuery) =>
  call((api) => api.request<ReportList>('GET', '/api/reports', undefined, { ...q }));
export const getReport = (id: string) =>
  call((api) => api.request<Report>('GET', `/api/reports/${encodeURIComponent(id)}`));
export const getReportVersion = (id: string, version: number) =>
  call((api) =>
    api.request<{
      version: number;
      content: ReportContent;
      totals: ReportTotals;
      createdBy: string;
      createdAt: string;
      reason: string | null;
    }>('GET', `/api/reports/${encodeURIComponent(id)}/versions/${version}`),
  );
export const createReport = (body: ReportCreate) =>
  call((api) => api.request<Report>('POST', '/api/reports', body));
export const updateReport = (id: string, content: ReportContent, version: number) =>
  call((api) => api.request<Report>('PUT', `/api/reports/${encodeURIComponent(id)}`, { content, version }));
export const submitReport = (id: string) =>
  call((api) => api.request<Report>('POST', `/api/reports/${encodeURIComponent(id)}/submit`, {}));
export const approveReport = (id: string, comment?: string) =>
  call((api) =>
    api.request<Report>('POST', `/api/reports/${encodeURIComponent(id)}/approve`, comment ? { comment } : {}),
  );
export const returnReport = (id: string, reason: string) =>
  call((api) => api.request<Report>('POST', `/api/reports/${encodeURIComponent(id)}/return`, { reason }));
export const correctReport = (id: string, content: ReportContent, reason: string) =>
  call((api) =>
    api.request<Report>('POST', `/api/reports/${encodeURIComponent(id)}/corrections`, { content, reason }),
  );

export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  county_approved: 'cyan',
  city_approved: 'geekblue',
  approved: 'success',
  returned: 'error',
};

export const PERIOD_TYPE_ZH: Record<string, string> = { month: '月报', year: '年报' };

const LEVEL_OF_ROLE: Partial<Record<Role, string>> = {
  enterprise_user: 'enterprise',
  county_admin: 'county',
  city_admin: 'city',
  province_admin: 'province',
};

export const AWAITING_ZH: Record<string, string> = {
  enterprise: '企业',
  county: '县级',
  city: '市级',
  province: '省级',
};

/** Whether the report waits on the caller's level (the server decides again). */
export const isMyTurn = (role: Role, awaiting: string | null): boolean =>
  awaiting !== null && LEVEL_OF_ROLE[role] === awaiting;

export const isReviewer = (role: Role): boolean =>
  role === 'county_admin' || role === 'city_admin' || role === 'province_admin';

export const EVENT_ACTION_ZH: Record<string, string> = {
  create: '创建草稿',
  edit: '修改',
  submit: '报送',
  approve: '审核通过',
  return: '退回',
  correct: '提交更正',
};
