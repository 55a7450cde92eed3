import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { AssessmentView, MissingEvidenceReport } from '../../../src/shared/contract/assessment';
import { selfScoredLeaves } from '../../../src/shared/criteria/tree';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

describe('items whose required evidence is missing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;

  beforeEach(async () => {
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, log: () => {} });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  async function attach(code: string): Promise<void> {
    const data = Buffer.from(`Tài liệu cho ${code}`);
    const begun = await ok<{ uploadId: string }>(
      core.registry.invoke('evidence/upload-begin', { name: `${code}.txt`, size: data.length, targets: [{ type: 'item', key: `2026:${code}` }] }),
    );
    await ok(core.registry.invoke('evidence/upload-chunk', { uploadId: begun.uploadId, index: 0, dataBase64: data.toString('base64') }));
    await ok(core.registry.invoke('evidence/upload-finish', { uploadId: begun.uploadId }));
  }

  it('lists, per domain, the self-scored items that ask for evidence and have none; linking one removes it', async () => {
    const view = await ok<AssessmentView>(core.registry.invoke('assessment/open', { year: 2026 }));
    const needing = selfScoredLeaves(view.set).filter((l) => l.item.evidenceRequired.trim());
    expect(needing.length).toBeGreaterThan(2);

    const before = await ok<MissingEvidenceReport>(core.registry.invoke('assessment/missing-evidence', { year: 2026 }));
    expect(before).toMatchObject({ year: 2026, requiredCount: needing.length, missingCount: needing.length });
    expect(before.domains.flatMap((d) => d.items.map((i) => i.code))).toEqual(needing.map((l) => l.item.code));
    for (const domain of before.domains) {
      expect(view.set.domains.find((d) => d.code === domain.code)?.title).toBe(domain.title);
      for (const i of domain.items) expect(i.code.split('.')[0]).toBe(domain.code);
    }

    const first = needing[0]!.item;
    await attach(first.code);
    await ok(core.registry.invoke('assessment/save-entry', { year: 2026, code: needing[1]!.item.code, explanation: 'Đơn vị chưa ban hành, đã giải trình.' }));
    const after = await ok<MissingEvidenceReport>(core.registry.invoke('assessment/missing-evidence', { year: 2026 }));
    expect(after.missingCount).toBe(needing.length - 1);
    const codes = after.domains.flatMap((d) => d.items);
    expect(codes.map((i) => i.code)).not.toContain(first.code);
    expect(codes.find((i) => i.code === needing[1]!.item.code)).toMatchObject({ hasExplanation: true, evidenceRequired: needing[1]!.item.evidenceRequired });
    // The assessment view counts the same link.
    const again = await ok<AssessmentView>(core.registry.invoke('assessment/get', { year: 2026 }));
    expect(again.evidenceCounts[first.code]).toBe(1);
  });

  it('says so when the year has no assessment', async () => {
    expect(await core.registry.invoke('assessment/missing-evidence', { year: 2030 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
