import { describe, expect, it } from 'vitest';
import { parseAttachments, tasksByDay, toReportInput, unitsOf } from './task-report-form';

describe('task progress report form', () => {
  it('reads attachments as names, name | link, or bare links, skipping blank lines', () => {
    expect(
      parseAttachments(
        '验收报告.pdf\n\n 批复 | https://example.org/a.pdf \nhttps://example.org/b.docx\n仅名称 |  ',
      ),
    ).toEqual([
      { name: '验收报告.pdf' },
      { name: '批复', url: 'https://example.org/a.pdf' },
      { name: 'https://example.org/b.docx', url: 'https://example.org/b.docx' },
      { name: '仅名称' },
    ]);
  });

  it('builds the report body with trimmed text, a whole percentage and no empty optional fields', () => {
    expect(toReportInput({ text: '  已完成设备招标 ', percent: 42.6, period: ' ', attachments: '' })).toEqual(
      {
        text: '已完成设备招标',
        percent: 43,
      },
    );
    expect(
      toReportInput({
        unit: '山西省工业和信息化厅',
        period: '2025-Q2',
        text: 'x',
        percent: 100,
        attachments: 'a',
      }),
    ).toEqual({
      unit: '山西省工业和信息化厅',
      period: '2025-Q2',
      text: 'x',
      percent: 100,
      attachments: [{ name: 'a' }],
    });
  });

  it('groups tasks by deadline day and lists every unit once', () => {
    const tasks = [
      { deadline: '2025-06-30', leadUnits: ['省工信厅'], cooperatingUnits: ['省发改委'] },
      { deadline: '2025-06-30', leadUnits: ['省发改委'], cooperatingUnits: [] },
      { deadline: null, leadUnits: ['省环保厅'], cooperatingUnits: ['省工信厅'] },
    ];
    const days = tasksByDay(tasks);
    expect([...days.keys()]).toEqual(['2025-06-30']);
    expect(days.get('2025-06-30')).toHaveLength(2);
    expect(unitsOf(tasks)).toHaveLength(3);
  });
});
