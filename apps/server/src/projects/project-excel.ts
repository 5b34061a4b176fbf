import { PROJECT_CATEGORIES, PROJECT_STAGES } from '@ecep/contract';
import { defineSheet } from '../excel/index.js';

const amount = <K extends string>(key: K, header: string, example?: number) =>
  ({ key, header, kind: 'decimal', min: 0, width: 16, example }) as const;

/** The key-project sheet: template, import and export share it. */
export const PROJECT_SHEET = defineSheet({
  sheetName: '重点项目',
  title: '重点项目导入模板',
  instructions: [
    '4. “项目编号”留空为新增项目；填写导出文件中的项目编号则更新该项目。',
    '5. 阶段：储备 → 开工 → 投产 → 达产，或终止；阶段日期不能晚于今天；回退阶段或终止须填写“阶段变更原因”。',
    '6. 类别为“22项重点工程”时填写重点工程序号（1–22，见山西省2014年行动方案）。投资单位为万元。',
  ],
  columns: [
    { key: 'id', header: '项目编号', kind: 'text', width: 38 },
    {
      key: 'name',
      header: '项目名称',
      kind: 'text',
      required: true,
      maxLength: 200,
      width: 30,
      example: '示例：煤矸石烧结砖项目',
    },
    {
      key: 'category',
      header: '类别',
      kind: 'enum',
      required: true,
      options: PROJECT_CATEGORIES.map((c) => ({ code: c.code, label: c.nameZh })),
      example: 'resource_utilization',
      width: 18,
    },
    { key: 'programmeNo', header: '重点工程序号', kind: 'integer', min: 1, max: 22, example: 7 },
    { key: 'enterpriseCreditCode', header: '业主统一社会信用代码', kind: 'text', width: 22 },
    {
      key: 'ownerName',
      header: '业主名称',
      kind: 'text',
      maxLength: 200,
      width: 24,
      example: '示例建材有限公司',
    },
    {
      key: 'regionCode',
      header: '地区代码',
      kind: 'text',
      required: true,
      pattern: { regex: /^\d{6}$/, expected: '六位行政区划代码' },
      example: '140600',
    },
    { key: 'planYear', header: '计划年度', kind: 'integer', min: 2000, max: 2100, example: 2014 },
    { ...amount('plannedInvestment10kYuan', '计划投资（万元）', 12000), required: true as const },
    amount('completedInvestment10kYuan', '完成投资（万元）', 3000),
    { key: 'capacity', header: '建设规模', kind: 'text', maxLength: 200, width: 20, example: '年产1.2亿块' },
    amount('expectedSavingTcePerYr', '预计节能量（tce/年）'),
    amount('expectedWasteUseTPerYr', '预计消纳固废（t/年）', 300000),
    amount('expectedEmissionCutTPerYr', '预计减排量（t/年）'),
    amount('measuredSavingTcePerYr', '实测节能量（tce/年）'),
    {
      key: 'stage',
      header: '阶段',
      kind: 'enum',
      options: PROJECT_STAGES.map((s) => ({ code: s.code, label: s.nameZh })),
      example: 'started',
    },
    { key: 'stageDate', header: '阶段日期', kind: 'date', example: '2014-05-20' },
    { key: 'stageReason', header: '阶段变更原因', kind: 'text', maxLength: 1000 },
    { key: 'note', header: '备注', kind: 'text', maxLength: 1000 },
  ],
});
