import { TASK_STATUSES } from '@ecep/contract';
import { defineSheet } from '../excel/index.js';

/** Progress reports of the units: template and import. */
export const TASK_REPORT_SHEET = defineSheet({
  sheetName: '进展报送',
  title: '督办任务进展报送模板',
  instructions: [
    '4. 任务编号见任务清单导出文件（或平台任务详情页）；只能报送本单位牵头或配合的任务。',
    '5. 报送单位留空时取您所在的第一个相关单位；完成百分比填 0–100 的整数；附件名称可填多个，用顿号分隔。',
  ],
  columns: [
    {
      key: 'taskId',
      header: '任务编号',
      kind: 'text',
      required: true,
      width: 38,
      example: '00000000-0000-0000-0000-000000000000',
    },
    { key: 'taskTitle', header: '任务名称（参考）', kind: 'text', width: 40, example: '示例任务' },
    {
      key: 'unit',
      header: '报送单位',
      kind: 'text',
      maxLength: 100,
      width: 22,
      example: '山西省工业和信息化厅',
    },
    { key: 'period', header: '报送周期', kind: 'text', maxLength: 20, example: '2025-Q2' },
    {
      key: 'text',
      header: '进展情况',
      kind: 'text',
      required: true,
      maxLength: 5000,
      width: 50,
      example: '已完成方案编制',
    },
    { key: 'percent', header: '完成百分比', kind: 'integer', required: true, min: 0, max: 100, example: 40 },
    { key: 'attachments', header: '附件名称', kind: 'list', width: 30 },
  ],
});

/** The task list as exported (not imported: tasks come from the plans or are added in the platform). */
export const TASK_LIST_SHEET = defineSheet({
  sheetName: '督办任务',
  title: '督办任务清单',
  columns: [
    { key: 'id', header: '任务编号', kind: 'text', width: 38 },
    { key: 'planId', header: '来源规划', kind: 'text', width: 30 },
    { key: 'planTaskId', header: '规划任务编号', kind: 'text', width: 16 },
    { key: 'title', header: '任务名称', kind: 'text', width: 50 },
    { key: 'leadUnits', header: '牵头单位', kind: 'list', width: 30 },
    { key: 'cooperatingUnits', header: '配合单位', kind: 'list', width: 40 },
    { key: 'deadline', header: '完成时限', kind: 'date', width: 12 },
    { key: 'expectedOutput', header: '预期成果', kind: 'text', width: 40 },
    {
      key: 'status',
      header: '状态',
      kind: 'enum',
      options: TASK_STATUSES.map((s) => ({ code: s.code, label: s.nameZh })),
    },
    { key: 'daysLeft', header: '剩余天数', kind: 'integer' },
    { key: 'progressPct', header: '最新进度（%）', kind: 'integer' },
    { key: 'acceptedPct', header: '已确认进度（%）', kind: 'integer' },
  ],
});
