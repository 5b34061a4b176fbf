import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column with a database default: optional on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}

export interface EnterpriseTable {
  id: Generated<string>;
  name: string;
  credit_code: string;
  region_code: string;
  industry_code: string;
  key_energy_user: Generated<boolean>;
  key_pollution_source: Generated<boolean>;
  address: Generated<string>;
  longitude: number | null;
  latitude: number | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Date | null;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  region_code: string | null;
  enterprise_id: string | null;
  disabled: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface AppSessionTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json;
  after: Json;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface MonitoringDeviceTable {
  /** Small surrogate key used by `measurement_value`. */
  id: Generated<number>;
  mn: string;
  password: string;
  name: string;
  st: string;
  enterprise_id: string | null;
  crc_mode: Generated<string>;
  disabled: Generated<boolean>;
  is_demo: Generated<boolean>;
  settings: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Hj212PacketTable {
  id: Generated<string>;
  received_at: ColumnType<Date, Date | string, Date | string>;
  connection_id: string;
  remote: string;
  mn: string | null;
  cn: string | null;
  qn: string | null;
  data_time: ColumnType<Date | null, Date | string | null, Date | string | null>;
  outcome: string;
  error_code: string | null;
  raw: string;
}

export interface Hj212QuarantineTable {
  id: Generated<string>;
  packet_id: string;
  received_at: ColumnType<Date, Date | string, Date | string>;
  mn: string | null;
  reason: string;
  raw: string;
  resolved_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  resolution: string | null;
}

/** The `measurement` view: stored values with the device's MN and the factor's code (read only). */
export interface MeasurementTable extends Omit<MeasurementValueTable, 'device_id' | 'factor_id'> {
  mn: string;
  factor: string;
  device_id: number;
  factor_id: number;
}

/** Factor codes seen in data, numbered for the measurement key (new codes are added on first sight). */
export interface MeasurementFactorTable {
  id: Generated<number>;
  code: string;
}

/** One stored value: (device, CN as a number, data time, factor) → its fields. */
export interface MeasurementValueTable {
  device_id: number;
  cn: number;
  data_time: ColumnType<Date, Date | string, Date | string>;
  factor_id: number;
  rtd: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  zs_rtd: number | null;
  zs_avg: number | null;
  zs_min: number | null;
  zs_max: number | null;
  flag: string | null;
  extra: Json;
  packet_id: string;
  received_at: ColumnType<Date, Date | string, Date | string>;
}

export interface RollupHourTable {
  mn: string;
  factor: string;
  hour: ColumnType<Date, Date | string, Date | string>;
  avg: number | null;
  min: number | null;
  max: number | null;
  valid_minutes: number;
  received_minutes: number;
  valid: boolean;
  corrected_avg: number | null;
  load_kg: number | null;
  explain: Json;
  computed_at: Timestamp;
}

export interface RollupDirtyHourTable {
  mn: string;
  hour: ColumnType<Date, Date | string, Date | string>;
  marked_at: Timestamp;
}

export interface MonitoringAlarmTable {
  id: Generated<string>;
  mn: string;
  type: string;
  factor: Generated<string>;
  start_at: ColumnType<Date, Date | string, Date | string>;
  end_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  value: number | null;
  limit_value: number | null;
  details: ColumnType<unknown, string | undefined, string>;
  acknowledged_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  acknowledged_by: string | null;
  ack_comment: string | null;
  created_at: Timestamp;
}

export interface RollupDayTable {
  mn: string;
  factor: string;
  /** Asia/Shanghai calendar day, `YYYY-MM-DD`. */
  day: ColumnType<string, string, string>;
  avg: number | null;
  min: number | null;
  max: number | null;
  valid_hours: number;
  valid: boolean;
  corrected_avg: number | null;
  load_kg: number | null;
  computed_at: Timestamp;
}

export interface RollupMonthTable {
  mn: string;
  factor: string;
  /** Asia/Shanghai calendar month, `YYYY-MM`. */
  month: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  valid_days: number;
  valid: boolean;
  corrected_avg: number | null;
  load_kg: number | null;
  computed_at: Timestamp;
}

/** numeric columns come back as strings (exact decimals); they accept numbers or strings. */
type Numeric = ColumnType<string, string | number, string | number>;
type NumericOrNull = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export interface PlanVersionTable {
  plan_id: string;
  version: number;
  title: string;
  digest: string;
  source_file: string;
  document: Json;
  loaded_by: string;
  loaded_at: Timestamp;
}

export interface PlanTargetTable {
  plan_id: string;
  version: number;
  code: string;
  scope_code: string;
  name: string;
  type: string;
  unit: string;
  direction: string | null;
  base_year: number | null;
  base_value: NumericOrNull;
  target_year: number;
  target_value: NumericOrNull;
  change_pct: NumericOrNull;
  price_base: string | null;
  source_text: string;
  details: Json;
}

export interface TargetAllocationTable {
  id: Generated<string>;
  plan_id: string;
  target_code: string;
  parent_code: string;
  region_code: string;
  version: number;
  change_pct: NumericOrNull;
  target_value: NumericOrNull;
  weight_value: NumericOrNull;
  weight_basis: 'energy' | 'gdp' | null;
  note: Generated<string>;
  entered_by: string;
  entered_at: Timestamp;
}

export interface RegionStatisticTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  period: string;
  indicator: string;
  version: number;
  value: Numeric;
  unit: string;
  price_base: string | null;
  status: 'preliminary' | 'final' | 'revised';
  source: string;
  note: Generated<string>;
  recorded_by: string;
  recorded_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface EnergyReportTable {
  id: Generated<string>;
  enterprise_id: string;
  period_type: 'month' | 'year';
  period: string;
  status: string;
  current_version: number;
  approved_version: number | null;
  returned_reason: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnergyReportVersionTable {
  report_id: string;
  version: number;
  content: Json;
  totals: Json;
  reason: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface EnergyReportEventTable {
  id: Generated<string>;
  report_id: string;
  version: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_name: string;
  actor_role: string;
  comment: Generated<string>;
  at: Timestamp;
}

export interface EvaluationSnapshotTable {
  id: Generated<string>;
  kind: string;
  key: string;
  digest: string;
  result: Json;
  computed_at: Timestamp;
}

export interface AssessmentMeasureScoreTable {
  year: number;
  region_code: string;
  version: number;
  points: Json;
  entered_by: string;
  entered_at: Timestamp;
}

export interface EnergyMeterTable {
  id: Generated<string>;
  enterprise_id: string;
  code: string;
  name: string;
  energy_code: string;
  unit: string;
  kind: 'cumulative' | 'interval';
  multiplier: Generated<number>;
  rollover_max: number | null;
  expected_interval_s: Generated<number>;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnergyReadingTable {
  meter_id: string;
  time: ColumnType<Date, Date | string, Date | string>;
  value: number;
  received_at: Timestamp;
  source: 'http' | 'mqtt' | 'demo';
  revisions: Generated<number>;
}

export interface EnergyConsumptionSlotTable {
  meter_id: string;
  slot_start: ColumnType<Date, Date | string, Date | string>;
  consumption: number | null;
  status: 'ok' | 'gap' | 'reset' | 'rollover' | 'decrease';
  span_start: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface EnergyConsumptionDayTable {
  meter_id: string;
  /** Asia/Shanghai calendar day, `YYYY-MM-DD`. */
  day: string;
  consumption: number | null;
  slots_expected: number;
  slots_received: number;
  slots_with_consumption: number;
  gap_slots: number;
  marks: ColumnType<unknown, string | undefined, string>;
  computed_at: Timestamp;
}

export interface EnergyMeterAlarmTable {
  id: Generated<string>;
  meter_id: string;
  type: 'completeness';
  day: string;
  completeness_pct: Numeric;
  threshold_pct: Numeric;
  raised_at: Timestamp;
  resolved_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface SolidWasteEntryTable {
  id: Generated<string>;
  enterprise_id: string;
  waste_type: string;
  period_type: 'month' | 'year';
  period: string;
  current_version: number;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SolidWasteEntryVersionTable {
  entry_id: string;
  version: number;
  opening_stock_t: Numeric;
  generated_t: Numeric;
  utilized_t: Numeric;
  utilized_from_stock_t: Numeric;
  building_materials_t: Numeric;
  power_t: Numeric;
  backfill_t: Numeric;
  road_base_t: Numeric;
  land_reclamation_t: Numeric;
  other_use_t: Numeric;
  disposed_t: Numeric;
  stored_t: Numeric;
  closing_stock_t: Numeric;
  note: Generated<string>;
  reason: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface SolidWasteUtilizerTable {
  id: Generated<string>;
  enterprise_id: string;
  capacities: ColumnType<unknown, string, string>;
  products: Generated<string>;
  certification: Generated<string>;
  certificate_no: Generated<string>;
  certified_until: ColumnType<string | null, string | null | undefined, string | null>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A `date` column read as `YYYY-MM-DD` text (select it with `::text`). */
type DateText = ColumnType<string | null, string | null | undefined, string | null>;

export interface ProjectTable {
  id: Generated<string>;
  name: string;
  category: string;
  programme_no: number | null;
  enterprise_id: string | null;
  owner_name: Generated<string>;
  region_code: string;
  plan_year: number | null;
  planned_investment_10k_yuan: Numeric;
  completed_investment_10k_yuan: ColumnType<string, string | number | undefined, string | number>;
  capacity: Generated<string>;
  expected_saving_tce_per_yr: NumericOrNull;
  expected_waste_use_t_per_yr: NumericOrNull;
  expected_emission_cut_t_per_yr: NumericOrNull;
  measured_saving_tce_per_yr: NumericOrNull;
  measured_waste_use_t_per_yr: NumericOrNull;
  stage: string;
  stage_date: DateText;
  termination_reason: string | null;
  note: Generated<string>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectStageEventTable {
  id: Generated<string>;
  project_id: string;
  from_stage: string | null;
  to_stage: string;
  stage_date: string;
  evidence: Generated<string>;
  reason: Generated<string>;
  actor_name: string;
  at: Timestamp;
}

export interface ProjectMilestoneTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  due_date: string;
  done_date: DateText;
  note: Generated<string>;
}

export interface OrgUnitMemberTable {
  user_id: string;
  unit: string;
}

export interface SupervisedTaskTable {
  id: Generated<string>;
  plan_id: string | null;
  plan_task_id: string | null;
  source: 'plan' | 'manual';
  title: string;
  lead_units: ColumnType<string[], string, string>;
  cooperating_units: ColumnType<string[], string, string>;
  deadline: DateText;
  expected_output: Generated<string>;
  region_code: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskReportTable {
  id: Generated<string>;
  task_id: string;
  unit: string;
  period: Generated<string>;
  text: string;
  percent: number;
  attachments: ColumnType<unknown, string, string>;
  status: 'submitted' | 'accepted' | 'returned';
  reported_by: string;
  reported_at: Timestamp;
  review_comment: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  comments: ColumnType<unknown, string | undefined, string>;
}

export interface Database {
  org_unit_member: OrgUnitMemberTable;
  supervised_task: SupervisedTaskTable;
  task_report: TaskReportTable;
  project: ProjectTable;
  project_stage_event: ProjectStageEventTable;
  project_milestone: ProjectMilestoneTable;
  solid_waste_entry: SolidWasteEntryTable;
  solid_waste_entry_version: SolidWasteEntryVersionTable;
  solid_waste_utilizer: SolidWasteUtilizerTable;
  energy_meter: EnergyMeterTable;
  energy_reading: EnergyReadingTable;
  energy_consumption_slot: EnergyConsumptionSlotTable;
  energy_consumption_day: EnergyConsumptionDayTable;
  energy_meter_alarm: EnergyMeterAlarmTable;
  plan_version: PlanVersionTable;
  plan_target: PlanTargetTable;
  target_allocation: TargetAllocationTable;
  region_statistic: RegionStatisticTable;
  energy_report: EnergyReportTable;
  energy_report_version: EnergyReportVersionTable;
  energy_report_event: EnergyReportEventTable;
  evaluation_snapshot: EvaluationSnapshotTable;
  assessment_measure_score: AssessmentMeasureScoreTable;
  rollup_month: RollupMonthTable;
  rollup_day: RollupDayTable;
  monitoring_alarm: MonitoringAlarmTable;
  rollup_hour: RollupHourTable;
  rollup_dirty_hour: RollupDirtyHourTable;
  monitoring_device: MonitoringDeviceTable;
  hj212_packet: Hj212PacketTable;
  hj212_quarantine: Hj212QuarantineTable;
  measurement: MeasurementTable;
  measurement_value: MeasurementValueTable;
  measurement_factor: MeasurementFactorTable;
  region: RegionTable;
  enterprise: EnterpriseTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  audit_event: AuditEventTable;
  app_setting: AppSettingTable;
}
