import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes cells with commas, quotes or line breaks and writes yes/no and blanks in Chinese', () => {
    const csv = toCsv(
      [
        { title: '名称', value: (r: { name: string; ok: boolean | null }) => r.name },
        { title: '有效', value: (r) => r.ok },
      ],
      [
        { name: '1号炉, "东"', ok: true },
        { name: '两行\n文本', ok: false },
        { name: '空', ok: null },
      ],
    );
    expect(csv).toBe('名称,有效\r\n"1号炉, ""东""",是\r\n"两行\n文本",否\r\n空,\r\n');
  });
});
