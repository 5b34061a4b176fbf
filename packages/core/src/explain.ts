/** A coefficient used by a calculation, with its unit and where it comes from. */
export interface ExplainCoefficient {
  name: string;
  value: string | number;
  unit: string;
  source: string;
}

/**
 * Why a number is what it is: the formula, the inputs as given, the coefficients and their
 * sources, and notes (conventions, inferred rules). Plain JSON so the UI can show it.
 */
export interface Explain {
  formula: string;
  inputs: Record<string, string | number>;
  coefficients?: ExplainCoefficient[];
  notes?: string[];
}
