import type {
  ExcelImportResult,
  SolidWasteEntry,
  SolidWasteEntryCorrection,
  SolidWasteEntryCreate,
  SolidWasteEntryList,
  SolidWasteEntryQuery,
  SolidWasteProgress,
  SolidWasteRateList,
  SolidWasteRateQuery,
  SolidWasteUtilizer,
  SolidWasteUtilizerInput,
} from '@ecep/contract';
import { call } from '../../api';
import { downloadXlsx, type ImportMode, uploadXlsx } from '../../lib/xlsx-transfer';

const BASE = '/api/ledgers/solid-waste';

export const listEntries = (q: SolidWasteEntryQuery) =>
  call((api) => api.request<SolidWasteEntryList>('GET', `${BASE}/entries`, undefined, { ...q }));
export const getEntry = (id: string) =>
  call((api) => api.request<SolidWasteEntry>('GET', `${BASE}/entries/${encodeURIComponent(id)}`));
export const entryVersions = (id: string) =>
  call((api) =>
    api.request<{ items: SolidWasteEntry[] }>('GET', `${BASE}/entries/${encodeURIComponent(id)}/versions`),
  );
export const createEntry = (body: SolidWasteEntryCreate) =>
  call((api) => api.request<SolidWasteEntry>('POST', `${BASE}/entries`, body));
export const correctEntry = (id: string, body: SolidWasteEntryCorrection) =>
  call((api) => api.request<SolidWasteEntry>('PUT', `${BASE}/entries/${encodeURIComponent(id)}`, body));
export const getRates = (q: SolidWasteRateQuery) =>
  call((api) => api.request<SolidWasteRateList>('GET', `${BASE}/rates`, undefined, { ...q }));
export const getProgress = (year: number) =>
  call((api) => api.request<SolidWasteProgress>('GET', `${BASE}/progress`, undefined, { year }));
export const listUtilizers = (wasteType?: string) =>
  call((api) =>
    api.request<{ items: SolidWasteUtilizer[] }>('GET', `${BASE}/utilizers`, undefined, { wasteType }),
  );

export const downloadLedgerTemplate = () =>
  downloadXlsx(`${BASE}/template.xlsx`, '工业固废台账导入模板.xlsx');
export const exportLedger = (q: SolidWasteEntryQuery) =>
  downloadXlsx(`${BASE}/export.xlsx`, '工业固废台账.xlsx', { ...q, page: undefined, pageSize: undefined });
export const importLedger = (file: Blob, mode: ImportMode): Promise<ExcelImportResult> =>
  uploadXlsx(`${BASE}/import`, file, mode);
/** Registers a utilisation enterprise, or updates the one registered for that enterprise. */
export const saveUtilizer = (body: SolidWasteUtilizerInput) =>
  call((api) => api.request<SolidWasteUtilizer>('PUT', `${BASE}/utilizers`, body));
