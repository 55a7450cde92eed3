import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceAttachResult, EvidenceCatalog, EvidenceMeta } from '../../../src/shared/contract/evidence';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from './helpers';

const meta = (m: Partial<EvidenceMeta>): EvidenceMeta => ({ docType: '', docNumber: '', docSymbol: '', issueDate: null, issuer: '', summary: '', period: '', ...m });

/** Issue 15 §5: a page listing all evidence files, filtered by year, type, linked/unlinked, unconfirmed. */
describe('evidence/catalog', () => {
  let fx: EvidenceFixture;
  let plan: number, decision: number, scan: number;
  const catalog = (filter: Record<string, unknown> = {}) => value<EvidenceCatalog>(fx.core.registry.invoke('evidence/catalog', filter));
  const ids = async (filter: Record<string, unknown>) => (await catalog(filter)).files.map((f) => f.id);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
    const add = async (name: string, targets = [item('2026:1.1')]) => (await value<EvidenceAttachResult>(upload(fx.core, name, Buffer.from(`Nội dung ${name}`), targets))).file.id;
    plan = await add('ke-hoach.txt');
    await value(fx.core.registry.invoke('evidence/update-meta', { fileId: plan, meta: meta({ docType: 'Kế hoạch', issueDate: '2026-01-15' }) }));
    decision = await add('quyet-dinh.txt', []);
    await value(fx.core.registry.invoke('evidence/update-meta', { fileId: decision, meta: meta({ docType: 'Quyết định', issueDate: '2025-12-20' }) }));
    scan = await add('ghi-chu.txt');
  });
  afterEach(() => fx.cleanup());

  it('lists every file newest first, with the years and types present for the filters', async () => {
    const all = await catalog();
    expect(all.total).toBe(3);
    expect(all.files.map((f) => f.id)).toEqual([scan, decision, plan]);
    expect(all.years).toEqual([2026, 2025]);
    expect(all.docTypes).toEqual(['', 'Kế hoạch', 'Quyết định']);
  });

  it('filters by the year it serves or was issued, by type (also "not known yet"), by link and by confirmation', async () => {
    expect(await ids({ year: 2025 })).toEqual([decision]);
    expect(await ids({ year: 2026 })).toEqual([scan, plan]);
    expect(await ids({ docType: 'Quyết định' })).toEqual([decision]);
    expect(await ids({ docType: '' })).toEqual([scan]);
    expect(await ids({ linked: 'unlinked' })).toEqual([decision]);
    expect(await ids({ linked: 'linked', year: 2026 })).toEqual([scan, plan]);
    expect(await ids({ unconfirmedOnly: true })).toEqual([scan]);
    expect(await catalog({ limit: 1, offset: 1 })).toMatchObject({ total: 3, files: [{ id: decision }] });
  });

  it('refuses a year that cannot be one', async () => {
    expect(await fx.core.registry.invoke('evidence/catalog', { year: 26 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
