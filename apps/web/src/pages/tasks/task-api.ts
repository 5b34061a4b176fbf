import type {
  ExcelImportResult,
  SupervisionList,
  TaskCreate,
  TaskDetail,
  TaskList,
  TaskQuery,
  TaskReportInput,
  TaskReview,
} from '@ecep/contract';
import { call } from '../../api';
import { downloadXlsx, type ImportMode, uploadXlsx } from '../../lib/xlsx-transfer';

const enc = encodeURIComponent;

export const listTasks = (q: TaskQuery) =>
  call((api) => api.request<TaskList>('GET', '/api/tasks', undefined, { ...q }));
export const getSupervision = (dueSoonDays?: number) =>
  call((api) => api.request<SupervisionList>('GET', '/api/tasks/supervision', undefined, { dueSoonDays }));
export const myUnits = () =>
  call((api) => api.request<{ units: string[]; supervisor: boolean }>('GET', '/api/tasks/units/me'));
export const getTask = (id: string) => call((api) => api.request<TaskDetail>('GET', `/api/tasks/${enc(id)}`));
export const createTask = (body: TaskCreate) =>
  call((api) => api.request<TaskDetail>('POST', '/api/tasks', body));
export const reportProgress = (id: string, body: TaskReportInput) =>
  call((api) => api.request<TaskDetail>('POST', `/api/tasks/${enc(id)}/reports`, body));
export const reviewReport = (id: string, reportId: string, body: TaskReview) =>
  call((api) =>
    api.request<TaskDetail>('POST', `/api/tasks/${enc(id)}/reports/${enc(reportId)}/review`, body),
  );

export const downloadReportTemplate = () =>
  downloadXlsx('/api/tasks/reports/template.xlsx', '任务进展报送模板.xlsx');
export const exportTasks = (q: TaskQuery) =>
  downloadXlsx('/api/tasks/export.xlsx', '督办任务.xlsx', { ...q });
export const importReports = (file: Blob, mode: ImportMode): Promise<ExcelImportResult> =>
  uploadXlsx('/api/tasks/reports/import', file, mode);

export const STATUS_COLORS: Record<string, string> = {
  completed: 'success',
  overdue: 'error',
  due_soon: 'warning',
  on_track: 'processing',
};
export const REPORT_STATUS_ZH: Record<string, string> = {
  submitted: '待审核',
  accepted: '已通过',
  returned: '已退回',
};
