// Reads the vitest and Playwright JSON reports and prints the one closing line CI reads:
// "N passed, N failed" (", N skipped" when any were skipped). A missing or unreadable report
// counts as one failure, so a runner that crashed cannot look green.
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function countVitest(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function countPlaywright(report) {
  const s = report.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: s.skipped ?? 0,
  };
}

const [vitestPath, playwrightPath] = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const [name, path, count] of [
  ['vitest', vitestPath, countVitest],
  ['playwright', playwrightPath, countPlaywright],
]) {
  const report = read(path);
  const c = report ? count(report) : { passed: 0, failed: 1, skipped: 0 };
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${report ? '' : ' (no report: counted as a failure)'}`);
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
