import ExcelJS from 'exceljs';

/** The workbook of an uploaded file, or null when the file is not an .xlsx workbook. */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return wb;
}
