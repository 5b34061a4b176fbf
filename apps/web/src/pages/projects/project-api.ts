import {
  type ExcelImportResult,
  type MilestoneInput,
  type MilestoneUpdate,
  PROJECT_CATEGORIES,
  PROJECT_STAGES,
  type Project,
  type ProjectDetail,
  type ProjectList,
  type ProjectQuery,
  type ProjectRates,
  type ProjectStageChange,
  type ProjectUpdate,
  SHANXI_2014_PROGRAMMES,
} from '@ecep/contract';
import { call } from '../../api';
import { downloadXlsx, type ImportMode, uploadXlsx } from '../../lib/xlsx-transfer';

const enc = encodeURIComponent;

export const listProjects = (q: ProjectQuery) =>
  call((api) => api.request<ProjectList>('GET', '/api/projects', undefined, { ...q }));
export const projectRates = (q: ProjectQuery) =>
  call((api) =>
    api.request<ProjectRates>('GET', '/api/projects/rates', undefined, {
      ...q,
      page: undefined,
      pageSize: undefined,
    }),
  );
export const getProject = (id: string) =>
  call((api) => api.request<ProjectDetail>('GET', `/api/projects/${enc(id)}`));
export const updateProject = (id: string, body: ProjectUpdate) =>
  call((api) => api.request<ProjectDetail>('PATCH', `/api/projects/${enc(id)}`, body));
export const changeStage = (id: string, body: ProjectStageChange) =>
  call((api) => api.request<ProjectDetail>('POST', `/api/projects/${enc(id)}/stage`, body));
export const addMilestone = (id: string, body: MilestoneInput) =>
  call((api) => api.request<ProjectDetail>('POST', `/api/projects/${enc(id)}/milestones`, body));
export const updateMilestone = (id: string, milestoneId: string, body: MilestoneUpdate) =>
  call((api) =>
    api.request<ProjectDetail>('PATCH', `/api/projects/${enc(id)}/milestones/${enc(milestoneId)}`, body),
  );

export const downloadProjectTemplate = () =>
  downloadXlsx('/api/projects/template.xlsx', '重点项目导入模板.xlsx');
export const exportProjects = (q: ProjectQuery) =>
  downloadXlsx('/api/projects/export.xlsx', '重点项目.xlsx', { ...q, page: undefined, pageSize: undefined });
export const importProjects = (file: Blob, mode: ImportMode): Promise<ExcelImportResult> =>
  uploadXlsx('/api/projects/import', file, mode);

export type StageCode = (typeof PROJECT_STAGES)[number]['code'];
export const STAGE_CODES: readonly StageCode[] = PROJECT_STAGES.map((s) => s.code);
export const stageName = (code: string) => PROJECT_STAGES.find((s) => s.code === code)?.nameZh ?? code;
export const STAGE_COLORS: Record<string, string> = {
  reserve: 'default',
  started: 'processing',
  operating: 'cyan',
  full_production: 'success',
  terminated: 'error',
};
export const CATEGORY_OPTIONS = PROJECT_CATEGORIES.map((c) => ({ value: c.code, label: c.nameZh }));
export const PROGRAMME_OPTIONS = SHANXI_2014_PROGRAMMES.map((name, i) => ({
  value: i + 1,
  label: `${i + 1}. ${name}`,
}));
export type { Project };
