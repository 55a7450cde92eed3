import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteriaJsonSchemaText } from '../../../src/main/core/criteria/json-schema';

describe('criteria-set.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/generate-criteria-schema.ts)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../resources/criteria/criteria-set.schema.json'), 'utf8');
    expect(committed).toBe(criteriaJsonSchemaText());
  });

  it('describes the rule types and the recursive items', () => {
    const schema = JSON.parse(criteriaJsonSchemaText());
    const text = JSON.stringify(schema);
    for (const type of ['yes-no', 'choice', 'percent', 'count', 'deadline', 'manual']) expect(text).toContain(`"const":"${type}"`);
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'name', 'year', 'unitType', 'scale', 'bands', 'domains']));
    expect(schema.properties.domains.items.$ref).toMatch(/^#\/\$defs\//);
  });
});
