import { describe, expect, it } from 'vitest';
import { COMMAND_CODES, commandInfo, DATA_FLAGS } from './command-codes.js';
import { FACTOR_CODE_2005_TO_2017, FACTOR_CODES, factorInfo, toFactorCode2017 } from './factor-codes.js';

describe('factor codes', () => {
  it('name the main flue-gas and wastewater factors in Chinese with their units', () => {
    expect(factorInfo('a21026')).toMatchObject({
      name: '二氧化硫',
      unit: 'mg/m³',
      couUnit: 'kg',
      code2005: '02',
    });
    expect(factorInfo('a01012')).toMatchObject({ name: '烟气温度', unit: '°C' });
    expect(factorInfo('a00000')).toMatchObject({ unit: 'm³/s', couUnit: 'm³' });
    expect(factorInfo('w01018')).toMatchObject({ name: '化学需氧量', unit: 'mg/L', code2005: '011' });
    expect(factorInfo('w00000')).toMatchObject({ unit: 'L/s', code2005: 'B01' });
  });

  it('map 2005 codes to 2017 codes and leave others alone', () => {
    expect(toFactorCode2017('060')).toBe('w21003');
    expect(toFactorCode2017('S01')).toBe('a19001');
    expect(toFactorCode2017('B02')).toBe('a00000');
    expect(toFactorCode2017('a21026')).toBe('a21026');
    expect(toFactorCode2017('a2106')).toBe('a2106');
    expect(FACTOR_CODE_2005_TO_2017['01']).toBe('a34013');
    expect(factorInfo('011', false)).toBeUndefined();
  });

  it('have unique 2017 codes and unique 2005 codes', () => {
    const codes = FACTOR_CODES.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    const old = FACTOR_CODES.flatMap((f) => (f.code2005 ? [f.code2005] : []));
    expect(new Set(old).size).toBe(old.length);
  });
});

describe('command codes', () => {
  it('cover the 2017 data and interaction commands and the 2025 heartbeat', () => {
    expect(commandInfo('2051')?.name).toBe('分钟数据');
    expect(commandInfo('9014')?.versions).toContain('2017');
    expect(commandInfo('9015')).toMatchObject({ nameEn: 'heartbeat', versions: ['2025'] });
    expect(new Set(COMMAND_CODES.map((c) => c.cn)).size).toBe(COMMAND_CODES.length);
    expect(Object.keys(DATA_FLAGS).sort()).toEqual(['B', 'C', 'D', 'F', 'M', 'N', 'S', 'T']);
  });
});
