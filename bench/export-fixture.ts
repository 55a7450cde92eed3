import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApprovedVersionForExport } from '../src/main/core/exchange/review-access';

/**
 * The approved version the export benches write: a fixed unit and approval around the evidence
 * files the parent process laid out (passed in CCHC_BENCH_EVIDENCE).
 */
export function benchApprovedVersion(): ApprovedVersionForExport {
  const evidence = JSON.parse(String(process.env.CCHC_BENCH_EVIDENCE)) as ApprovedVersionForExport['evidence'];
  return {
    subject: { kind: 'assessment', year: 2026 },
    unit: { name: 'Sở Nội vụ', shortName: 'SNV', unitType: 'so', parentBody: 'UBND tỉnh Lâm Đồng', province: 'Lâm Đồng' },
    year: 2026,
    period: null,
    version: 1,
    approval: { by: 'Trần Văn Mỹ', at: new Date().toISOString(), comment: '' },
    // The package carries the snapshot under the hash approval recorded: they must agree.
    snapshotSha256: createHash('sha256').update('{}').digest('hex'),
    snapshotJson: '{}',
    documents: [{ fileName: 'Báo cáo tự đánh giá.docx', source: { kind: 'data', data: Buffer.from('docx') } }],
    evidence,
  };
}

const MiB = 1024 * 1024;

/** Evidence files of `totalMb` in all, laid out in `dir`, as an approved version lists them. */
export function makeEvidence(dir: string, totalMb: number): ApprovedVersionForExport['evidence'] {
  mkdirSync(dir, { recursive: true });
  const evidence: ApprovedVersionForExport['evidence'] = [];
  // Scanned PDFs are typically 1–20 MB; random bytes, because real evidence is already compressed.
  const sizes = [3, 7, 12, 5, 16, 9, 2, 10].map((m) => m * MiB);
  const block = randomBytes(16 * MiB);
  let left = totalMb * MiB;
  for (let i = 0; left > 0; i += 1) {
    const size = Math.min(left, sizes[i % sizes.length]!);
    const data = Buffer.concat([Buffer.from(`${i}:`), block.subarray(0, size - String(i).length - 1)]);
    const path = join(dir, `tep-${i}.pdf`);
    writeFileSync(path, data);
    evidence.push({ itemCode: `${1 + (i % 8)}.${1 + (i % 5)}`, fileName: `Quyết định số ${i}/QĐ-UBND về kiểm chứng.pdf`, path, sha256: createHash('sha256').update(data).digest('hex'), size });
    left -= size;
  }
  return evidence;
}
