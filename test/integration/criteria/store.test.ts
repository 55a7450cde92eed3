import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import { ensureBundledSets } from '../../../src/main/core/criteria/bundled-sets';
import { findResourcesDir } from '../../../src/main/core/resources';
import { findSetForYear, getSet } from '../../../src/main/core/criteria/criteria-store';
import { importSetFromXlsx } from '../../../src/main/core/criteria/xlsx-io';
import type { CriteriaImportResult, CriteriaSetSummary, ExportedFile } from '../../../src/shared/contract/criteria';
import type { CriteriaSet } from '../../../src/shared/criteria/format';

const FIXTURES = join(import.meta.dirname, '../../fixtures/criteria');
const small = () => JSON.parse(readFileSync(join(FIXTURES, 'valid-small.json'), 'utf8')) as Record<string, unknown> & { name: string };

let dir: string;
let core: Core;
let clock = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-criteria-store-'));
  clock = 0;
  core = openCore({ dataDir: dir, log: () => {}, now: () => new Date(Date.UTC(2026, 0, 5, 8, 0, clock++)) });
});

afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await core.registry.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const json = (value: unknown, fileName = 'bo.json') => ({ fileName, contentBase64: Buffer.from(JSON.stringify(value)).toString('base64') });
const rows = () => (core.db.prepare('SELECT COUNT(*) AS n FROM criteria_set').get() as { n: number }).n;

describe('criteria store', () => {
  it('loads the bundled sample on first use, once', async () => {
    const list = await ok<CriteriaSetSummary[]>('criteria/list', {});
    expect(list.map((s) => [s.id, s.version, s.isSample, s.isLatest])).toEqual([['mau-so-2026', 1, true, true]]);
    expect(list[0]).toMatchObject({ year: 2026, unitType: 'so', scaleMax: 100, selfScoredCount: 60 });
    await ok('criteria/list', {});
    expect(rows()).toBe(1);
  });

  it('versions: identical content is a no-op, changed content is a new version, old versions stay', async () => {
    const first = await ok<CriteriaImportResult>('criteria/import', json(small()));
    expect(first).toMatchObject({ created: true, summary: { id: 'bo-nho-thu', version: 1, isLatest: true } });
    const count = rows();

    const again = await ok<CriteriaImportResult>('criteria/import', json(small(), 'ban-sao.json'));
    expect(again).toMatchObject({ created: false, summary: { version: 1, sha256: first.summary.sha256, importedAt: first.summary.importedAt } });
    expect(rows()).toBe(count);

    const changed = { ...small(), name: 'Bộ chỉ số nhỏ (sửa đổi)' };
    const second = await ok<CriteriaImportResult>('criteria/import', json(changed));
    expect(second).toMatchObject({ created: true, summary: { id: 'bo-nho-thu', version: 2, isLatest: true, name: 'Bộ chỉ số nhỏ (sửa đổi)' } });
    expect(rows()).toBe(count + 1);

    expect((await ok<CriteriaSet>('criteria/get', { id: 'bo-nho-thu' })).version).toBe(2);
    const v1 = await ok<CriteriaSet>('criteria/get', { id: 'bo-nho-thu', version: 1 });
    expect(v1).toMatchObject({ version: 1, name: 'Bộ chỉ số nhỏ dùng để kiểm thử' });
    const list = await ok<CriteriaSetSummary[]>('criteria/list', {});
    expect(list.filter((s) => s.id === 'bo-nho-thu').map((s) => [s.version, s.isLatest])).toEqual([[2, true], [1, false]]);

    // The original file again (it says version 1) matches version 1's content: nothing new.
    expect(await ok<CriteriaImportResult>('criteria/import', json(small()))).toMatchObject({ created: false, summary: { version: 1 } });
    expect(rows()).toBe(count + 1);
  });

  it('exports JSON and Excel that import back as the same content', async () => {
    await ok('criteria/import', json(small()));
    const count = rows();
    for (const format of ['json', 'xlsx'] as const) {
      const file = await ok<ExportedFile>('criteria/export', { id: 'bo-nho-thu', format });
      expect(file.fileName).toBe(`bo-nho-thu-v1.${format}`);
      const back = await ok<CriteriaImportResult>('criteria/import', file);
      expect(back).toMatchObject({ created: false, summary: { id: 'bo-nho-thu', version: 1 } });
    }
    expect(rows()).toBe(count);
  });

  it('previews without saving and gives counts per domain', async () => {
    const before = rows();
    const preview = await ok<{ ok: boolean; format: string; set: { itemCount: number }; domains: { code: string; leafCount: number; maxPoints: number }[] }>(
      'criteria/preview',
      json(small(), 'bo-tinh.json'),
    );
    expect(preview).toMatchObject({ ok: true, format: 'json', set: { itemCount: 6 } });
    expect(preview.domains.map((d) => [d.code, d.leafCount, d.maxPoints])).toEqual([['1', 2, 6], ['2', 2, 4]]);
    expect(rows()).toBe(before);
  });

  it('gives a blank template that imports with the missing fields named', async () => {
    const file = await ok<ExportedFile>('criteria/template', {});
    expect(file.fileName).toMatch(/\.xlsx$/);
    const r = await importSetFromXlsx(Buffer.from(file.contentBase64, 'base64'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ where: 'Trang «Thông tin», dòng 3, cột «Giá trị»', ref: 'Thông tin!B3', message: 'Mã bộ chỉ số: bắt buộc phải có.' });
  });

  it('says NOT_FOUND for an unknown set and INVALID_INPUT for an oversized file', async () => {
    const missing = await core.registry.invoke('criteria/get', { id: 'khong-co' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const huge = await core.registry.invoke('criteria/preview', { fileName: 'x.json', contentBase64: 'A'.repeat(20_000_004) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it("finds the year's set: the province's own before the sample", async () => {
    const dirRes = findResourcesDir();
    expect(dirRes).not.toBeNull();
    ensureBundledSets(core.db, dirRes!);
    expect(findSetForYear(core.db, 2026, 'so')?.id).toBe('mau-so-2026');
    expect(findSetForYear(core.db, 2026, 'ubnd-xa')).toBeNull();
    await ok('criteria/import', json({ ...small(), id: 'tinh-so-2026' }));
    await ok('criteria/import', json({ ...small(), id: 'tinh-so-2026', name: 'Bộ chỉ số sở 2026 (sửa đổi)' }));
    const found = findSetForYear(core.db, 2026, 'so');
    expect([found?.id, found?.version, found?.name]).toEqual(['tinh-so-2026', 2, 'Bộ chỉ số sở 2026 (sửa đổi)']);
    expect(getSet(core.db, 'tinh-so-2026', 1)?.name).toBe('Bộ chỉ số nhỏ dùng để kiểm thử');
  });

  it('resolves the resources folder from a built bundle location too', () => {
    const root = join(import.meta.dirname, '../../..');
    expect(findResourcesDir(join(root, 'out', 'main'))).toBe(join(root, 'resources'));
  });
});
