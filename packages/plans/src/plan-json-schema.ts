import { Plan } from './plan-schema.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The plan format as a JSON Schema document (the content of `plans/plan.schema.json`). */
export function planJsonSchema(): Record<string, unknown> {
  return { $schema: JSON_SCHEMA_DIALECT, ...(JSON.parse(JSON.stringify(Plan)) as Record<string, unknown>) };
}

/** The text `plans/plan.schema.json` must hold: {@link planJsonSchema} as 2-space JSON with a final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
