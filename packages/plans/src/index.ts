/** @ecep/plans — the seed action plans as validated data (schema, YAML loader, checks). */
export const PLANS_PACKAGE = '@ecep/plans';
