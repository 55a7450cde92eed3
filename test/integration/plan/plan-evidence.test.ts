import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceAttachResult, EvidenceCatalog, EvidenceFileDetail, EvidenceList, EvidenceUnlinkResult } from '../../../src/shared/contract/evidence';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';

/**
 * The plan names its document and its tasks' result documents by file id, not by an evidence link.
 * Such files are in use: listed as linked ("Kế hoạch CCHC"), never offered as unlinked, and never
 * deleted while the plan names them (issue 14).
 */
describe('evidence the CCHC plan names', () => {
  let fx: EvidenceFixture;
  let planDoc: number, taskResult: number, loose: number;
  const invoke = (channel: string, input: Record<string, unknown>) => fx.core.registry.invoke(channel, input);
  const add = async (name: string, targets = [item('2026:1.1')]) => (await value<EvidenceAttachResult>(upload(fx.core, name, Buffer.from(`Nội dung ${name}`), targets))).file.id;
  const catalogIds = async (filter: Record<string, unknown>) => (await value<EvidenceCatalog>(invoke('evidence/catalog', filter))).files.map((f) => f.id);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
    // Uploaded from the plan page: stored without any link.
    planDoc = await add('ke-hoach-15.txt', []);
    taskResult = await add('bao-cao-ra-soat.txt', []);
    loose = await add('ghi-chu.txt', []);
    await value(invoke('plan/save', { year: 2026, number: '15/KH-SNV', date: '2026-01-12', title: 'Kế hoạch CCHC năm 2026', documentFileId: planDoc }));
    await value(invoke('plan/save-task', { year: 2026, task: { code: '3', title: 'Rà soát TTHC', status: 'xong', doneDate: '2026-03-01', resultFileIds: [taskResult] } }));
  });
  afterEach(() => fx.cleanup());

  it('shows the plan’s files as used by the plan, not as unlinked', async () => {
    const detail = await value<EvidenceFileDetail>(invoke('evidence/get', { fileId: planDoc }));
    expect(detail.planUses).toEqual(['Kế hoạch CCHC năm 2026 (số 15/KH-SNV)']);
    const result = await value<EvidenceFileDetail>(invoke('evidence/get', { fileId: taskResult }));
    expect(result.planUses).toEqual(['kết quả nhiệm vụ 3 của Kế hoạch CCHC năm 2026']);
    expect((await value<EvidenceFileDetail>(invoke('evidence/get', { fileId: loose }))).planUses).toBeUndefined();

    expect(await catalogIds({ linked: 'unlinked' })).toEqual([loose]);
    expect(await catalogIds({ linked: 'linked' })).toEqual([taskResult, planDoc]);
    // The plan's year is the files' year.
    expect(await catalogIds({ year: 2026 })).toEqual([taskResult, planDoc]);
    expect((await value<EvidenceCatalog>(invoke('evidence/catalog', {}))).years).toContain(2026);
    const unlinked = await value<EvidenceList>(invoke('evidence/list', { unlinkedOnly: true }));
    expect([unlinked.total, unlinked.files.map((f) => f.id)]).toEqual([1, [loose]]);
  });

  it('refuses to delete a file the plan names, naming the plan, and deletes it once the plan lets go', async () => {
    const refused = await invoke('evidence/delete', { fileId: planDoc });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toBe(
        'Không xoá được «ke-hoach-15.txt»: tệp là văn bản của Kế hoạch CCHC năm 2026 (số 15/KH-SNV). Hãy bỏ tệp khỏi kế hoạch (trang «Kế hoạch CCHC») trước khi xoá.',
      );
    }
    const task = await invoke('evidence/delete', { fileId: taskResult });
    expect(task.ok).toBe(false);
    if (!task.ok) expect(task.error.message).toContain('kết quả nhiệm vụ 3 của Kế hoạch CCHC năm 2026');
    expect((await value<EvidenceFileDetail>(invoke('evidence/get', { fileId: planDoc }))).id).toBe(planDoc);

    // A file nobody names goes.
    await value(invoke('evidence/delete', { fileId: loose }));
    // The plan takes another document: the old one is free again.
    const other = await add('ke-hoach-15-ban-ky.txt', []);
    await value(invoke('plan/save', { year: 2026, number: '15/KH-SNV', date: '2026-01-12', title: 'Kế hoạch CCHC năm 2026', documentFileId: other }));
    await value(invoke('evidence/delete', { fileId: planDoc }));
  });

  it('keeps the plan’s document when its last evidence link is removed with "remove if unused"', async () => {
    await value(invoke('evidence/link', { fileId: planDoc, targets: [item('2026:1.1')] }));
    const r = await value<EvidenceUnlinkResult>(invoke('evidence/unlink', { fileId: planDoc, target: item('2026:1.1'), removeFileIfUnused: true }));
    expect(r.fileRemoved).toBe(false);
    expect(r.keptFor).toBe('Kế hoạch CCHC năm 2026 (số 15/KH-SNV)');
    expect((await value<EvidenceFileDetail>(invoke('evidence/get', { fileId: planDoc }))).planUses).toHaveLength(1);
  });
});
