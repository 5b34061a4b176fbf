import { SOLID_WASTE_TYPES, UTILIZATION_ROUTES } from '@ecep/contract';

export const WASTE_TYPE_OPTIONS = SOLID_WASTE_TYPES.map((w) => ({
  value: w.code,
  label: `${w.nameZh}（${w.catalogCode}）`,
}));
export const wasteTypeName = (code: string | null | undefined): string =>
  SOLID_WASTE_TYPES.find((w) => w.code === code)?.nameZh ?? code ?? '全部种类';

export const ROUTE_LABELS = UTILIZATION_ROUTES.map((r) => ({ key: r.code, label: r.nameZh }));

/** Chinese names of the quantities, as the form and the error numbers show them. */
export const QUANTITY_LABELS: Record<string, string> = {
  openingStockT: '期初贮存量',
  generatedT: '产生量',
  utilizedT: '综合利用量',
  utilizedFromStockT: '其中利用往年贮存量',
  disposedT: '处置量',
  storedT: '贮存量',
  closingStockT: '期末贮存量',
  accountedT: '利用 − 往年贮存 + 处置 + 贮存',
  differenceT: '相差',
  routesSumT: '各利用去向之和',
  expectedClosingStockT: '按平衡计算的期末贮存量',
  previousClosingStockT: '上期期末贮存量',
  previousPeriod: '上期',
  nextOpeningStockT: '下期期初贮存量',
  nextPeriod: '下期',
  ...Object.fromEntries(UTILIZATION_ROUTES.map((r) => [r.code, `${r.nameZh}去向`])),
};

/** `12345.6` → `12 345.6 t`; numbers in tonnes as the API gives them (exact decimal strings). */
export function tonnes(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const [int, frac] = String(v).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export const pct = (v: string | null | undefined): string => (v === null || v === undefined ? '—' : `${v} %`);
