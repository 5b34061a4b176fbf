import { defineSheet } from '../excel/index.js';
import { SOLID_WASTE_TYPES } from './waste-types.js';

const t = <K extends string, R extends boolean = false>(
  key: K,
  header: string,
  required?: R,
  example?: number,
) =>
  ({ key, header, kind: 'decimal', required: (required ?? false) as R, min: 0, width: 14, example }) as const;

/** The solid-waste ledger sheet: template, import and export share it. */
export const LEDGER_SHEET = defineSheet({
  sheetName: '固废台账',
  title: '工业固废产生及利用台账导入模板',
  instructions: [
    '4. 平衡关系：产生量 = 综合利用量 − 其中利用往年贮存量 + 处置量 + 贮存量；期末贮存量 = 期初贮存量 + 贮存量 − 利用往年贮存量；各利用去向之和 = 综合利用量。',
    '5. 期初贮存量须等于同一企业、同一固废种类上一期的期末贮存量；留空则自动取上期期末（首期为 0），期末贮存量留空则自动计算。',
    '6. 期别：月度填 YYYY-MM（如 2025-03），年度填 YYYY。已有该期台账时，数值不同即为更正，须填写“更正原因”；旧版本保留。',
  ],
  columns: [
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      kind: 'text',
      required: true,
      width: 22,
      example: '91140000000000000X',
    },
    { key: 'enterpriseName', header: '企业名称', kind: 'text', width: 28, example: '示例煤电有限公司' },
    {
      key: 'period',
      header: '期别',
      kind: 'text',
      required: true,
      width: 10,
      pattern: { regex: /^\d{4}(-(0[1-9]|1[0-2]))?$/, expected: 'YYYY-MM（月度）或 YYYY（年度）' },
      example: '2025-03',
    },
    {
      key: 'wasteType',
      header: '固废种类',
      kind: 'enum',
      required: true,
      width: 16,
      options: SOLID_WASTE_TYPES.map((w) => ({ code: w.code, label: w.nameZh })),
      example: 'fly_ash',
      note: SOLID_WASTE_TYPES.map((w) => `${w.nameZh}（${w.catalogCode}）`).join('、'),
    },
    t('openingStockT', '期初贮存量（吨）'),
    t('generatedT', '产生量（吨）', true, 1000),
    t('utilizedT', '综合利用量（吨）', true, 900),
    t('utilizedFromStockT', '其中：利用往年贮存量（吨）', false, 100),
    t('buildingMaterialsT', '建材（吨）', false, 600),
    t('powerT', '发电（吨）'),
    t('backfillT', '充填（吨）', false, 200),
    t('roadBaseT', '筑路（吨）', false, 100),
    t('landReclamationT', '土地复垦（吨）'),
    t('otherUseT', '其他利用（吨）'),
    t('disposedT', '处置量（吨）', true, 50),
    t('storedT', '贮存量（吨）', true, 150),
    t('closingStockT', '期末贮存量（吨）'),
    { key: 'note', header: '备注', kind: 'text', maxLength: 500, width: 20 },
    { key: 'reason', header: '更正原因', kind: 'text', maxLength: 500, width: 20 },
  ],
});
