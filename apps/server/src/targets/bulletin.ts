import type { BarometerRow, Bulletin } from '@ecep/contract';
import ExcelJS from 'exceljs';

const LEVEL_ZH: Record<number, string> = { 1: '一级预警（红）', 2: '二级预警（黄）', 3: '三级（绿）' };

export const BULLETIN_COLUMNS = [
  { key: 'regionName', header: '地区', width: 14 },
  { key: 'energyGrowthPct', header: '能源消费总量增速（%）', width: 20 },
  { key: 'gdpGrowthPct', header: 'GDP增速（%，可比价）', width: 20 },
  { key: 'intensityChangePct', header: '万元GDP能耗上升或下降（±%）', width: 26 },
  { key: 'requiredChangePct', header: '年度目标（%）', width: 14 },
  { key: 'level', header: '预警等级', width: 16 },
] as const;

export function bulletinCells(r: BarometerRow): Record<string, string> {
  return {
    regionName: r.regionName,
    energyGrowthPct: r.energyGrowthPct ?? '—',
    gdpGrowthPct: r.gdpGrowthPct ?? '—',
    intensityChangePct: r.intensityChangePct ?? '—',
    requiredChangePct: r.requiredChangePct ?? '—',
    level: r.intensityLevel ? (LEVEL_ZH[r.intensityLevel] ?? '') : '—',
  };
}

/** The bulletin (公报) as an Excel workbook: title, demo mark, the table and its notes. */
export async function bulletinWorkbook(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECEP';
  const ws = wb.addWorksheet(`${b.year}年公报`);
  ws.mergeCells(1, 1, 1, BULLETIN_COLUMNS.length);
  ws.getCell(1, 1).value = b.isDemo ? `${b.title}（演示数据）` : b.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  BULLETIN_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
    ws.getColumn(i + 1).width = c.width;
  });
  [b.parent, ...b.rows].forEach((r, n) => {
    const cells = bulletinCells(r);
    const row = ws.getRow(4 + n);
    BULLETIN_COLUMNS.forEach((c, i) => {
      const v = cells[c.key] ?? '';
      row.getCell(i + 1).value = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
  });
  let line = 5 + b.rows.length + 1;
  for (const note of b.notes) {
    ws.getCell(line++, 1).value = note;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
