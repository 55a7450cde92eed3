// Regenerates src/main/core/db/schema.snapshot.sql after a new migration: `npm run db:snapshot`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dumpSchema, openDatabase } from '../src/main/core/db/open';

const dir = mkdtempSync(join(tmpdir(), 'cchc-snapshot-'));
const db = openDatabase(join(dir, 'snapshot.sqlite'));
const target = resolve(import.meta.dirname, '../src/main/core/db/schema.snapshot.sql');
writeFileSync(target, dumpSchema(db));
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(`Đã ghi ${target}`);
