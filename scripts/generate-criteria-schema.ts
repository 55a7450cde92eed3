/**
 * Writes resources/criteria/criteria-set.schema.json from the zod schema.
 * Run after changing src/shared/criteria/format.ts: npx tsx scripts/generate-criteria-schema.ts
 * (test/unit/criteria/json-schema.test.ts fails while the committed file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criteriaJsonSchemaText } from '../src/main/core/criteria/json-schema';

const target = join(import.meta.dirname, '..', 'resources', 'criteria', 'criteria-set.schema.json');
writeFileSync(target, criteriaJsonSchemaText());
console.log(`Đã ghi ${target}`);
