import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { AssessmentView, CarryOverReport, SavedEntry, YearComparison } from '../../../src/shared/contract/assessment';
import type { CriteriaSet } from '../../../src/shared/criteria/format';
import { countLinks, linkToItems, storeBufferAsEvidence } from '../../../src/main/core/evidence';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

const SAMPLE_PATH = resolve(__dirname, '../../../resources/criteria/sample-so-2026.json');

/** Imports a set through the criteria channel, as the officer's import would. */
async function importSet(core: Core, set: CriteriaSet): Promise<void> {
  const contentBase64 = Buffer.from(JSON.stringify(set)).toString('base64');
  await ok(core.registry.invoke('criteria/import', { fileName: `${set.id}.json`, contentBase64 }));
}

describe('guided self-assessment', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = new Date('2026-11-22T03:00:00Z');
  const sample = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as CriteriaSet;

  beforeEach(async () => {
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  const save = (input: Record<string, unknown>) => core.registry.invoke('assessment/save-entry', { year: 2026, ...input });

  it('opens the year on the bundled sample set and starts with nothing answered', async () => {
    const view = await ok<AssessmentView>(core.registry.invoke('assessment/open', { year: 2026 }));
    expect(view.setId).toBe(sample.id);
    expect(view.score.total).toBe(0);
    expect(view.score.band).toBe('Yếu');
    expect(Object.values(view.entries).every((e) => e.status === 'chua-lam')).toBe(true);
    // Survey items are part of the structure but not self-scored.
    expect(view.entries['3.3.1']).toBeUndefined();
  });

  it('scores answers of different kinds live and keeps them after reopening', async () => {
    await ok(core.registry.invoke('assessment/open', { year: 2026 }));
    const yes = await ok<SavedEntry>(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }));
    expect(yes.score.items['1.1.3']?.points).toBe(0.5);
    expect(yes.entry.status).toBe('dang-lam');

    const pct = await ok<SavedEntry>(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 245, denominator: 250 } }));
    expect(pct.score.items['3.2.1']?.points).toBe(3);
    expect(pct.score.total).toBeCloseTo(3.5, 5);

    const deadline = await ok<SavedEntry>(save({ code: '1.1.1', answer: { kind: 'date', date: '2026-01-10' } }));
    expect(deadline.score.items['1.1.1']?.points).toBeGreaterThan(0);

    core.close();
    core = openCore({ dataDir: temp.dir, now: () => clock });
    const view = await ok<AssessmentView>(core.registry.invoke('assessment/get', { year: 2026 }));
    expect(view.entries['1.1.3']?.answer).toEqual({ kind: 'yes-no', value: true });
    expect(view.score.total).toBeCloseTo(deadline.score.total, 5);
  });

  it('refuses an answer of the wrong kind or out of range, naming the item, and saves nothing', async () => {
    await ok(core.registry.invoke('assessment/open', { year: 2026 }));
    const wrongKind = await save({ code: '1.1.3', answer: { kind: 'percent', percent: 50 } });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(wrongKind)).toContain('1.1.3');
    expect(await save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 260, denominator: 250 } })).toMatchObject({ ok: false });
    expect(await save({ code: '1.2.1', answer: { kind: 'count', count: -1 } })).toMatchObject({ ok: false });
    expect(await save({ code: '9.9.9', answer: { kind: 'yes-no', value: true } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await save({ code: '3.3.1', answer: { kind: 'manual', points: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const rows = core.db.prepare('SELECT count(*) AS n FROM assessment_entry').get() as { n: number };
    expect(rows.n).toBe(0);
  });

  it('requires a thuyết minh before "Xong" when the score is partial', async () => {
    await ok(core.registry.invoke('assessment/open', { year: 2026 }));
    await ok(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 230, denominator: 250 } }));
    const refused = await save({ code: '3.2.1', status: 'xong' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(refused)).toContain('thuyết minh');
    await ok(save({ code: '3.2.1', explanation: 'Quý III có 12 hồ sơ trễ hạn do hệ thống một cửa gián đoạn.' }));
    const done = await ok<SavedEntry>(save({ code: '3.2.1', status: 'xong' }));
    expect(done.entry.status).toBe('xong');
  });

  it('lists items by points still at stake, most first', async () => {
    const view = await ok<AssessmentView>(core.registry.invoke('assessment/open', { year: 2026 }));
    const gaps = view.score.atStake.map((s) => s.pointsAtStake);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    // In the sample, 8.3.1 (4 points) is the largest self-scored item.
    expect(view.score.atStake[0]).toMatchObject({ code: '8.3.1', pointsAtStake: 4 });
  });

  it('starts a new year from the previous one, suggesting only items whose rule is unchanged', async () => {
    await ok(core.registry.invoke('assessment/open', { year: 2026 }));
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Có kế hoạch.' }));
    await ok(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 } }));
    await ok(save({ code: '1.2.1', answer: { kind: 'count', count: 4 } }));

    // The 2027 set: 3.2.1 gets a new maximum, 1.2.1 disappears, the rest is unchanged.
    const next = structuredClone(sample);
    next.id = 'mau-so-2027';
    next.year = 2027;
    next.name = 'Bộ chỉ số mẫu năm 2027';
    const d3 = next.domains.find((d) => d.code === '3')!;
    const i321 = d3.children.find((c) => c.code === '3.2')!.children.find((c) => c.code === '3.2.1')!;
    i321.scoring = { type: 'percent', input: 'direct', mode: 'proportional' } as never;
    const d1 = next.domains.find((d) => d.code === '1')!;
    const c12 = d1.children.find((c) => c.code === '1.2')!;
    c12.children = c12.children.filter((c) => c.code !== '1.2.1');
    c12.maxPoints = c12.children.reduce((s, c) => s + c.maxPoints, 0);
    d1.maxPoints = d1.children.reduce((s, c) => s + c.maxPoints, 0);
    next.scale.max = next.domains.filter((d) => d.kind === 'normal').reduce((s, d) => s + d.maxPoints, 0);
    await importSet(core, next);
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile({ year: 2027 }) }));

    // Last year's plan, linked to 1.1.3 in 2026.
    const stored = await storeBufferAsEvidence(core.db, temp.dir, 'ke-hoach-2026.txt', Buffer.from('Kế hoạch CCHC năm 2026'));
    linkToItems(core.db, stored.fileId, ['2026:1.1.3'], clock);

    clock = new Date('2027-11-20T03:00:00Z');
    const report = await ok<CarryOverReport>(core.registry.invoke('assessment/carry-over', { fromYear: 2026, toYear: 2027 }));
    expect(report.carried).toEqual(['1.1.3']);
    // The answer comes across to confirm; last year's file is offered, not linked to 2027.
    expect(report).toMatchObject({ evidenceLinksCarried: 0, evidenceOffered: 1 });
    expect(countLinks(core.db, ['2027:1.1.3'])['2027:1.1.3']).toBe(0);
    expect(report.notCarried.map((n) => n.code).sort()).toEqual(['1.2.1', '3.2.1']);
    const view = await ok<AssessmentView>(core.registry.invoke('assessment/get', { year: 2027 }));
    expect(view.setId).toBe('mau-so-2027');
    // A suggestion to confirm, not an answer (test/integration/assessment/suggestions.test.ts).
    expect(view.entries['1.1.3']).toMatchObject({ answer: null, status: 'chua-lam' });
    expect(await ok<{ code: string }[]>(core.registry.invoke('assessment/suggestions', { year: 2027 }))).toEqual([
      expect.objectContaining({ code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Có kế hoạch.' }),
    ]);
    expect(view.entries['3.2.1']?.answer).toBeNull();

    // Carrying twice would overwrite what was entered since: refused.
    expect(await core.registry.invoke('assessment/carry-over', { fromYear: 2026, toYear: 2027 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const comparison = await ok<YearComparison>(core.registry.invoke('assessment/compare', { year: 2027, previousYear: 2026 }));
    expect(comparison.total.previous).toBeGreaterThan(comparison.total.current);
    expect(comparison.domains.find((d) => d.code === '1')?.previous?.points).toBeGreaterThan(0);
  });

  it('refuses to open a year without a unit profile', async () => {
    expect(await core.registry.invoke('assessment/open', { year: 2030 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
