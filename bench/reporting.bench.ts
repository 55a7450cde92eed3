/**
 * The annual dossier (self-assessment report .docx + self-score table .xlsx) for the full bundled
 * criteria set with 1,000 evidence items must generate in under 2 s. Printed beside the time it
 * takes merely to write the same files' parts into a zip, measured in the same run, as a ratio:
 * that is the floor any generator pays, so the ratio says how much our building costs on top.
 *
 * Run: npx tsx bench/reporting.bench.ts [--quick]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import JSZip from 'jszip';
import { unitProfileSchema, type UnitProfile } from '../src/shared/contract/profile';
import type { CriteriaItem, CriteriaSet } from '../src/shared/criteria/format';
import { writeDecree30Docx } from '../src/main/core/reporting/docx-writer';
import type { LinkedEvidence } from '../src/main/core/reporting/evidence-access';
import { toEvidenceRefs } from '../src/main/core/reporting/generate';
import { buildSelfAssessmentReport } from '../src/main/core/reporting/self-assessment-report';
import { buildSelfScoreModel } from '../src/main/core/reporting/self-score-model';
import { writeSelfScoreWorkbook } from '../src/main/core/reporting/xlsx-writer';
import { sampleProfile } from '../test/helpers/sample-profile';
import { verdict } from './support';
import { sampleSetScore } from '../test/fixtures/reporting/criteria-fixture';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 5;
const TARGET_MS = 2000;
const EVIDENCE_ITEMS = 1000;

const set = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/criteria/sample-so-2026.json'), 'utf8')) as CriteriaSet;
const score = sampleSetScore(set);

const leaves: CriteriaItem[] = [];
const visit = (i: CriteriaItem) => (i.children.length ? i.children.forEach(visit) : i.assessedBy === 'self' && leaves.push(i));
set.domains.forEach(visit);

const evidence: Record<string, LinkedEvidence[]> = {};
for (let n = 0; n < EVIDENCE_ITEMS; n++) {
  const code = leaves[n % leaves.length]!.code;
  (evidence[code] ??= []).push({
    fileId: n + 1,
    sha256: n.toString(16).padStart(64, '0'),
    size: 100_000 + n,
    originalName: `${code}-tai-lieu-${n + 1}.pdf`,
    mime: 'application/pdf',
    storedPath: `files/${n}`,
    docType: 'Kế hoạch',
    docNumber: String(n + 1),
    docSymbol: 'KH-SNV',
    issueDate: '2026-01-15',
    issuer: 'Sở Nội vụ tỉnh Lâm Đồng',
    summary: `Kế hoạch thực hiện nhiệm vụ cải cách hành chính thuộc tiêu chí ${code}, văn bản thứ ${n + 1} (Ặ ỹ Đ)`,
  });
}
const explanations = Object.fromEntries(leaves.map((l) => [l.code, `Thuyết minh tiêu chí ${l.code}: đơn vị đã thực hiện đầy đủ, có văn bản kèm theo; Nguyễn Thị Ặng phụ trách.`]));
// The tests' sample department, without phone and e-mail (as the bench always generated it).
const profile: UnitProfile = { ...unitProfileSchema.parse(sampleProfile({ focalOfficerPhone: '', focalOfficerEmail: '' })), updatedAt: '2026-01-01T00:00:00.000Z' };

async function generateDossier(): Promise<Buffer[]> {
  const docx = await writeDecree30Docx(buildSelfAssessmentReport({ profile, set, score, explanations, evidence, isoDate: '2026-03-10' }));
  const xlsx = await writeSelfScoreWorkbook(buildSelfScoreModel(set, score, explanations, toEvidenceRefs(evidence), { unitName: profile.name }));
  return [docx, xlsx];
}

/** Baseline: the same parts, already made, written into fresh zips (the work no generator avoids). */
async function zipOnly(parts: Map<string, Uint8Array>[]): Promise<void> {
  for (const files of parts) {
    const zip = new JSZip();
    for (const [name, data] of files) zip.file(name, data);
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const warm = await generateDossier(); // also warms the JIT and the libraries' lazy loading
const parts = await Promise.all(
  warm.map(async (buffer) => {
    const zip = await JSZip.loadAsync(buffer);
    const files = new Map<string, Uint8Array>();
    for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.set(name, await entry.async('uint8array'));
    return files;
  }),
);
const baseline = await time(() => zipOnly(parts));
const dossier = await time(generateDossier);
const ms = (v: number) => `${v.toFixed(0)} ms`;
console.log(
  `reporting: annual dossier (docx ${(warm[0]!.length / 1024).toFixed(0)} KB + xlsx ${(warm[1]!.length / 1024).toFixed(0)} KB, ${leaves.length} self-scored items, ${EVIDENCE_ITEMS} evidence items): ` +
    `${ms(dossier)} vs zip-only ${ms(baseline)} = ${(dossier / baseline).toFixed(1)}× baseline; target < ${TARGET_MS} ms: ${verdict(dossier < TARGET_MS)}`,
);
