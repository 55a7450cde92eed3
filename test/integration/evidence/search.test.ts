import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceFileView, EvidenceSearchResult } from '../../../src/shared/contract/evidence';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { item, openEvidenceCore, upload, value, type EvidenceFixture } from './helpers';

let fx: EvidenceFixture;
const ids: Record<string, number> = {};

async function attach(key: string, name: string, data: Buffer, targets = [item('2026:1.1')]) {
  ids[key] = (await value<{ file: EvidenceFileView }>(upload(fx.core, name, data, targets))).file.id;
}

beforeAll(async () => {
  fx = openEvidenceCore();
  await attach('plan', 'KH 47-KH-UBND.txt', Buffer.from('Kế hoạch cải cách hành chính năm 2026 của Sở Nội vụ\nĐẩy mạnh chuyển đổi số, đánh giá định kỳ.\n'));
  await attach('report', 'bao-cao-quy-1.txt', Buffer.from('BÁO CÁO kết quả thực hiện công tác CCHC quý I năm 2026\nĐơn vị đã hoàn thành đúng hạn.\n'), [
    { type: 'report-section', key: 'bc-2026-q1:II' },
  ]);
  await attach('decision', 'QĐ 123-QĐ-UBND.pdf', makeTextPdf(['QUYET DINH', 'Ve viec ban hanh quy che lam viec', 'Hoang Dieu']));
  await attach('other', 'Thông báo lịch họp.txt', Buffer.from('Thông báo lịch họp giao ban tháng 3.\n'));
});
afterAll(() => fx.cleanup());

async function search(query: string, extra: Record<string, unknown> = {}): Promise<EvidenceSearchResult> {
  return value<EvidenceSearchResult>(fx.core.registry.invoke('evidence/search', { query, ...extra }));
}
const hitIds = (r: EvidenceSearchResult) => r.hits.map((h) => h.file.id);

describe('diacritics-insensitive search', () => {
  it('"ke hoach" finds "Kế hoạch", and so do "Kế hoạch" and "KẾ HOẠCH"', async () => {
    for (const q of ['ke hoach', 'Kế hoạch', 'KẾ HOẠCH', 'ké hoạch']) expect(hitIds(await search(q))).toEqual([ids.plan]);
  });

  it('đ and d are the same letter, both ways', async () => {
    expect(hitIds(await search('dinh ky'))).toEqual([ids.plan]);
    expect(hitIds(await search('đinh kỳ'))).toEqual([ids.plan]);
    // The PDF's text layer is written without marks; a query with đ still finds it.
    expect(hitIds(await search('Hoàng Điệu'))).toEqual([ids.decision]);
  });

  it('every word is a prefix and all words must occur', async () => {
    expect(hitIds(await search('chuyen doi'))).toEqual([ids.plan]);
    expect(hitIds(await search('chuy'))).toEqual([ids.plan]);
    expect(hitIds(await search('cai cach'))).toEqual([ids.plan]);
    expect((await search('cai cach quy che')).total).toBe(0);
  });

  it('finds by name and number/symbol', async () => {
    expect(hitIds(await search('47 KH UBND'))).toEqual([ids.plan]);
    expect(hitIds(await search('123/QĐ-UBND'))).toEqual([ids.decision]);
  });

  it('shows the snippet in the original spelling with the matched words marked', async () => {
    const [hit] = (await search('chuyen doi so')).hits;
    const text = hit!.snippet.map((p) => p.text).join('');
    expect(text).toContain('chuyển đổi số');
    const marked = hit!.snippet.filter((p) => p.match).map((p) => p.text);
    expect(marked).toEqual(expect.arrayContaining(['chuyển', 'đổi', 'số']));
    // "Sở" is marked too: "so" is a prefix of it once folded. Nothing else is.
    expect(marked.filter((w) => !['chuyển', 'đổi', 'số'].includes(w))).toEqual(['Sở']);
  });

  it('returns the items each file supports and can keep to one kind of target', async () => {
    const all = await search('2026');
    expect(new Set(hitIds(all))).toEqual(new Set([ids.plan, ids.report]));
    const onlyReports = await search('2026', { targetType: 'report-section' });
    expect(hitIds(onlyReports)).toEqual([ids.report]);
    expect(onlyReports.hits[0]!.file.links).toMatchObject([{ type: 'report-section', key: 'bc-2026-q1:II' }]);
  });

  it('finds confirmed metadata once saved, and ranks a name or metadata match above a body match', async () => {
    await value(
      fx.core.registry.invoke('evidence/update-meta', {
        fileId: ids.other,
        meta: { docType: 'Thông báo', docNumber: '12', docSymbol: 'TB-SNV', issueDate: '2026-03-02', issuer: 'Sở Nội vụ', summary: 'Lịch họp giao ban', period: '' },
      }),
    );
    expect(hitIds(await search('TB SNV'))).toEqual([ids.other]);
    const [first] = hitIds(await search('thong bao'));
    expect(first).toBe(ids.other);
  });

  it('a query with no words finds nothing, and an empty query is refused', async () => {
    expect(await search('— / …')).toMatchObject({ total: 0, hits: [] });
    expect(await fx.core.registry.invoke('evidence/search', { query: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('respects the limit and still counts every match', async () => {
    const r = await search('2026', { limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(2);
  });
});
