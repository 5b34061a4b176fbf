import { ApiError } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { taskCreateErrors, toTaskCreate } from './task-create-form';

describe('toTaskCreate', () => {
  it('trims, drops repeats and does not list a lead unit as cooperating', () => {
    expect(
      toTaskCreate({
        title: ' 推进余热利用 ',
        leadUnits: ['山西省工业和信息化厅', ' 山西省工业和信息化厅', ''],
        cooperatingUnits: ['山西省工业和信息化厅', '山西省生态环境厅'],
        deadline: '2027-06-30',
        expectedOutput: '  ',
      }),
    ).toEqual({
      title: '推进余热利用',
      leadUnits: ['山西省工业和信息化厅'],
      cooperatingUnits: ['山西省生态环境厅'],
      deadline: '2027-06-30',
    });
  });

  it('sends no deadline as null', () => {
    expect(toTaskCreate({ title: 't', leadUnits: ['a'] }).deadline).toBeNull();
  });
});

describe('taskCreateErrors', () => {
  it('puts schema errors on the field they name, and a region refusal in general', () => {
    const r = taskCreateErrors(
      new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
        { path: 'body/leadUnits', message: 'must NOT have fewer than 1 items' },
        { path: 'body/deadline', message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"' },
      ]),
    );
    expect(r.fields.map((f) => f.name)).toEqual(['leadUnits', 'deadline']);
    expect(r.general).toBeNull();
    const region = taskCreateErrors(
      new ApiError(403, 'REGION_OUT_OF_SCOPE', 'regionCode: 140100 不在您的管辖范围内', {
        field: 'regionCode',
      }),
    );
    expect(region.fields).toEqual([]);
    expect(region.general).toMatch(/不在您的管辖范围内/);
  });
});
