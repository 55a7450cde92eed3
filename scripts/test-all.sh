#!/usr/bin/env bash
# Every test of CCHC Desk: lint, types, build, vitest (unit + integration), Playwright (e2e in
# Debian Chromium). Ends with the plain line "N passed, N failed" summed over both runners from
# their JSON reports; exits non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
mkdir -p .reports
rm -f .reports/vitest.json .reports/playwright.json
status=0

step() { printf '\n=== %s\n' "$1"; }

step "lint (eslint)";          npx eslint . || { echo "LINT FAILED"; status=1; }
step "typecheck (tsc)";        npx tsc --noEmit -p tsconfig.json || { echo "TYPECHECK FAILED"; status=1; }
step "build (electron-vite)";  npx electron-vite build || { echo "BUILD FAILED"; status=1; }
step "unit + integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=1
step "end-to-end (Playwright, Chromium)"
npx playwright test || status=1

step "summary"
node scripts/summarize-test-reports.mjs .reports/vitest.json .reports/playwright.json || status=1
exit $status
