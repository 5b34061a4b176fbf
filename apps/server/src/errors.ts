/**
 * Every error the API can answer with. `docs/errors.md` lists the same codes; a test keeps the two in step.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 400,
    description: 'A request field is missing or malformed; details name each field.',
  },
  UNAUTHENTICATED: { status: 401, description: 'No valid session or bearer token.' },
  LOGIN_FAILED: { status: 401, description: 'Wrong username or password.' },
  FORBIDDEN: { status: 403, description: 'The role may not do this.' },
  NOT_FOUND: { status: 404, description: 'No such route.' },
  ENTERPRISE_NOT_FOUND: {
    status: 404,
    description: 'No enterprise with this id in the caller\u2019s scope.',
  },
  ENTERPRISE_CREDIT_CODE_INVALID: {
    status: 400,
    description: 'The 统一社会信用代码 fails GB 32100 (position named).',
  },
  ENTERPRISE_CREDIT_CODE_TAKEN: {
    status: 409,
    description: 'Another enterprise already has this credit code.',
  },
  ENTERPRISE_VERSION_CONFLICT: {
    status: 409,
    description: 'The enterprise changed since the version the edit was based on.',
  },
  DEVICE_NOT_FOUND: {
    status: 404,
    description: 'No monitoring device with this MN in the caller\u2019s scope.',
  },
  DEVICE_MN_TAKEN: { status: 409, description: 'A device with this MN is registered already.' },
  DEVICE_ENTERPRISE_REQUIRED: {
    status: 400,
    description: 'City and county users register devices of an enterprise in their region.',
  },
  ALARM_NOT_FOUND: { status: 404, description: 'No alarm with this id in the caller\u2019s scope.' },
  ALARM_ALREADY_ACKNOWLEDGED: {
    status: 409,
    description: 'The alarm was acknowledged already (by whom and when is in the message).',
  },
  REGION_NOT_FOUND: { status: 400, description: 'The region code is not a known GB/T 2260 code.' },
  REGION_OUT_OF_SCOPE: { status: 403, description: 'The region lies outside the caller\u2019s scope.' },
  INDUSTRY_CODE_INVALID: { status: 400, description: 'Not a GB/T 4754-2017 two-digit division.' },
  USER_TAKEN: { status: 409, description: 'The username exists already.' },
  USER_SCOPE_INVALID: {
    status: 400,
    description: 'The role needs a region or enterprise that was not given or is out of scope.',
  },
  CALC_UNKNOWN: { status: 404, description: 'No calculation with this name.' },
  CALC_INVALID_INPUT: {
    status: 400,
    description: 'Calculation input failed validation (path names the field).',
  },
  CALC_UNKNOWN_ENERGY: { status: 400, description: 'Unknown energy code.' },
  CALC_UNKNOWN_UNIT: { status: 400, description: 'The unit is not one the engine knows.' },
  CALC_NO_EMISSION_FACTOR: {
    status: 400,
    description: 'No default CO2 emission factor exists for this energy.',
  },
  CALC_INTERNAL: { status: 500, description: 'An unexpected error inside the calculation engine.' },
  CALC_UNIT_MISMATCH: { status: 400, description: 'The unit does not fit the energy or quantity.' },
  CALC_IMPOSSIBLE_VALUE: {
    status: 400,
    description: 'A physically impossible value (negative amount, O2 ≥ 21 %…).',
  },
  STATISTIC_INVALID: {
    status: 400,
    description:
      'A statistics item is invalid (details list item index, field and reason); nothing was written.',
  },
  REPORT_NOT_FOUND: { status: 404, description: 'No energy report with this id in the caller\u2019s scope.' },
  REPORT_INVALID: {
    status: 400,
    description:
      'The report content is inconsistent (stock balance, unknown energy, period); details name the row and field.',
  },
  REPORT_EXISTS: {
    status: 409,
    description: 'The enterprise already has a report for this period (its id is in details).',
  },
  REPORT_NOT_YOUR_TURN: {
    status: 403,
    description: 'Another level must act on the report now (the message says which).',
  },
  REPORT_LOCKED: {
    status: 409,
    description: 'The report is under review and cannot be edited or submitted again.',
  },
  REPORT_ALREADY_APPROVED: {
    status: 409,
    description: 'An approved report changes only through a correction, which creates a new version.',
  },
  REPORT_VERSION_CONFLICT: {
    status: 409,
    description: 'The report changed since the version the edit was based on.',
  },
  PLAN_NOT_FOUND: { status: 404, description: 'No stored plan with this id.' },
  ALLOCATION_INVALID: {
    status: 400,
    description:
      'A target allocation names a region that is not below the parent, or gives neither change nor value.',
  },
  STATISTIC_IMPORT_INVALID: {
    status: 400,
    description:
      'An uploaded statistics workbook has wrong rows (details list row, column and reason); in all-or-nothing mode nothing was written.',
  },
  ENERGY_METER_NOT_FOUND: {
    status: 404,
    description: 'No energy meter with this id in the caller\u2019s scope.',
  },
  ENERGY_METER_CODE_TAKEN: {
    status: 409,
    description: 'The enterprise already has a meter with this code (its id is in details).',
  },
  ENERGY_METER_INVALID: {
    status: 400,
    description:
      'The energy code or unit of a meter is not one the calculation engine converts to tce (field named).',
  },
  ENERGY_METER_VERSION_CONFLICT: {
    status: 409,
    description: 'The meter changed since the version the edit was based on.',
  },
  ENERGY_METER_INACTIVE: { status: 409, description: 'The meter is deactivated and accepts no readings.' },
  ENERGY_READINGS_INVALID: {
    status: 400,
    description: 'No reading of the batch was accepted; details list index, field and reason of each.',
  },
  ENERGY_REGION_NOT_FOUND: {
    status: 404,
    description: 'No region with this code in the caller\u2019s scope.',
  },
  EXCEL_IMPORT_INVALID: {
    status: 400,
    description:
      'An uploaded workbook is unusable or has wrong rows (details list row, column letter, header and reason); in all-or-nothing mode nothing was written.',
  },
  LEDGER_BALANCE_MISMATCH: {
    status: 400,
    description:
      'A solid-waste ledger entry breaks the stockpile balance or does not continue the previous period\u2019s closing stock; the message names the numbers.',
  },
  LEDGER_ENTRY_INVALID: {
    status: 400,
    description:
      'A solid-waste ledger entry is inconsistent (unknown waste type, period, routes not adding up to the utilised amount…); the field is named.',
  },
  LEDGER_ENTRY_NOT_FOUND: {
    status: 404,
    description: 'No solid-waste ledger entry with this id in the caller\u2019s scope.',
  },
  LEDGER_ENTRY_EXISTS: {
    status: 409,
    description:
      'The enterprise already has an entry for this period and waste type; correct it instead (its id is in details).',
  },
  LEDGER_VERSION_CONFLICT: {
    status: 409,
    description: 'The ledger entry changed since the version the correction was based on.',
  },
  UTILIZER_NOT_FOUND: {
    status: 404,
    description: 'No utilisation enterprise (综合利用企业) with this id in the caller\u2019s scope.',
  },
  PROJECT_NOT_FOUND: { status: 404, description: 'No key project with this id in the caller\u2019s scope.' },
  PROJECT_INVALID: {
    status: 400,
    description:
      'A key project field is inconsistent (category, region, enterprise, investment); the field is named.',
  },
  PROJECT_STAGE_INVALID: {
    status: 400,
    description:
      'A stage change is refused: going back without a reason, a date in the future or before the previous stage, 终止 without a reason, or a change after 终止.',
  },
  MILESTONE_NOT_FOUND: { status: 404, description: 'No milestone with this id on the project.' },
  TASK_NOT_FOUND: {
    status: 404,
    description: 'No supervised task with this id among the caller\u2019s tasks.',
  },
  TASK_INVALID: {
    status: 400,
    description:
      'A task or progress report is inconsistent (deadline, percentage, units); the field is named.',
  },
  TASK_REPORT_NOT_FOUND: { status: 404, description: 'No progress report with this id on the task.' },
  TASK_REVIEW_INVALID: {
    status: 409,
    description: 'The progress report was reviewed already, or the caller may not review it.',
  },
  REPORT_IMPORT_INVALID: {
    status: 400,
    description:
      'An uploaded report workbook has wrong cells (details list sheet, row, column and reason); nothing was saved.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body is larger than allowed.' },
  INTERNAL: { status: 500, description: 'An unexpected server error; the log has the details.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);
