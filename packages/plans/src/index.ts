/** @ecep/plans — the seed action plans as validated data (schema, YAML loader, checks, digest). */
export {
  formatPath,
  loadPlanFile,
  type PlanFileError,
  type PlanLoadResult,
  parsePlanText,
} from './load-plan-file.js';
export {
  changeIsConsistent,
  checkPlan,
  decimalsOf,
  NATIONAL_REGION_CODE,
  type PlanIssue,
  targetKey,
} from './plan-checks.js';
export { canonicalJson, planDigest } from './plan-digest.js';
export { planJsonSchema, planJsonSchemaText } from './plan-json-schema.js';
export {
  InconsistentField,
  Plan,
  PlanInconsistency,
  PlanPeriod,
  PlanProgramme,
  PlanProjects,
  PlanSource,
  PlanTarget,
  PlanTask,
  ProjectCategory,
  ProjectOutput,
  RegionCode,
  RegionScope,
  TargetBase,
  TargetDirection,
  TargetGoal,
  TargetType,
  TaskMilestone,
} from './plan-schema.js';
