/**
 * Run by crash.test.ts in a child process: imports one file into the data folder given, with
 * CCHC_EVIDENCE_CRASH_AT making the import stop at a chosen point so the test can kill it there.
 */
import { openCore } from '../../../src/main/core/app';
import { importEvidence } from '../../../src/main/core/evidence/import-service';

const [dataDir, source, name] = process.argv.slice(2) as [string, string, string];
const core = openCore({ dataDir, log: () => {} });
await importEvidence({ db: core.db, dataDir, now: () => new Date() }, { kind: 'path', path: source, name }, [{ type: 'item', key: '2026:1.1' }]);
core.close();
console.log('imported');
