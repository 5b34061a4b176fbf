import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planJsonSchemaText } from './plan-json-schema.js';

const FILE = fileURLToPath(new URL('../../../plans/plan.schema.json', import.meta.url));

describe('plans/plan.schema.json', () => {
  it('is exactly the TypeBox Plan schema (regenerate it with planJsonSchemaText() when the schema changes)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(planJsonSchemaText());
  });

  it('declares the draft 2020-12 dialect and the required top-level fields', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['id', 'title', 'source', 'period', 'scope', 'targets', 'tasks']);
    expect(schema.properties.targets.items.required).toContain('sourceText');
  });
});
