/**
 * @ecep/core — the pure calculation engine of ECEP: exact decimal arithmetic, GB/T 8170 rounding,
 * and every result explained (formula, inputs, coefficients with sources).
 */
export {
  type AssessmentGrade,
  type AssessmentGradeResult,
  assessmentGrade,
  assessmentGradeLabels,
} from './assessment-grade.js';
export { CalcError, type CalcErrorCode, calcErrorCodes } from './calc-error.js';
export { type Co2Input, type Co2ItemResult, type Co2Result, co2FromEnergy } from './co2.js';
export {
  type Co2FuelFactor,
  co2FuelFactors,
  co2HeatFactor,
  type GridEmissionFactor,
  gridEmissionFactors,
} from './co2-factors.js';
export {
  averageAnnualChangePct,
  type CumulativeChangeResult,
  cumulativeChange,
} from './cumulative-change.js';
export { Dec, type Decimal, type DecimalInput, toDecimal } from './decimal.js';
export { type EmissionLoadInput, type EmissionLoadResult, emissionLoadKg } from './emission-load.js';
export {
  type EnergyBasis,
  type EnergyCategory,
  type EnergyCoefficient,
  energyCoefficients,
  findEnergyCoefficient,
  KJ_PER_KGCE,
} from './energy-coefficients.js';
export type { Explain, ExplainCoefficient } from './explain.js';
export {
  type EnergyIntensityResult,
  energyIntensity,
  type IntensityChangeResult,
  type IntensityTargetResult,
  intensityChange,
  intensityChangeFromValues,
  intensityTarget,
} from './intensity.js';
export { type O2CorrectionInput, type O2CorrectionResult, o2Correct } from './o2-correction.js';
export {
  type CompletionResult,
  type ProgressInput,
  type ProgressMethod,
  type ProgressResult,
  progress,
  progressLinear,
  progressLog,
} from './progress.js';
export { formatGbt8170, roundGbt8170, roundToNumber } from './rounding.js';
export {
  type CalcResult,
  type CalculationCatalogEntry,
  calculationCatalog,
  runCalculation,
} from './run-calculation.js';
export {
  nationalScoringSheet2007,
  type ScoredItem,
  type ScoringSheet,
  type ScoringSheetItem,
  type ScoringSheetResult,
  scoreSheet,
  scoringSheets,
  validateScoringSheet,
} from './scoring-sheet.js';
export { type TargetPointsResult, targetPoints } from './target-points.js';
export { type TceInput, type TceItemInput, type TceItemResult, type TceResult, toTce } from './tce.js';
export {
  convertUnit,
  type Dimension,
  parseUnit,
  type UnitCode,
  type UnitDefinition,
  unitCodes,
  units,
} from './units.js';
export { isDayValid, isHourValid, isMinuteValid, isMonthValid, validityThresholds } from './validity.js';
export {
  type IntensityWarningResult,
  intensityWarningLevel,
  type RegionWarningInput,
  type RegionWarningResult,
  readTotalWarningRule,
  type TotalWarningInput,
  type TotalWarningResult,
  type TotalWarningRule,
  totalWarningLevel,
  type WarningLevel,
  type WarningLevelInfo,
  warningLevel,
  warningLevels,
} from './warning-level.js';
export {
  type WasteUtilizationInput,
  type WasteUtilizationResult,
  wasteUtilizationRate,
} from './waste-utilization.js';
