import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import type { AssessmentView } from '../../../src/shared/contract/assessment';
import type { AuditPage, CheckResult } from '../../../src/shared/contract/review';
import type { SetStatus, SetSwitchResult } from '../../../src/shared/contract/set-version';
import type { CriteriaSet } from '../../../src/shared/criteria/format';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';
import { smallSetV1, smallSetV2 } from '../../fixtures/criteria/small-set-v2';

type R = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** A newer version of the year's set: announced with what changed, one step to switch, nothing typed lost. */
describe('switching the year’s assessment to a newer version of its criteria set', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const clock = new Date('2026-11-22T03:00:00Z');
  const call = (channel: string, input: unknown = {}, session?: Session) => core.registry.invoke(channel, input, session) as Promise<R>;
  const importSet = (set: CriteriaSet) => ok(call('criteria/import', { fileName: `${set.id}.json`, contentBase64: Buffer.from(JSON.stringify(set)).toString('base64') }));
  const save = (input: Record<string, unknown>) => ok(call('assessment/save-entry', { year: 2026, ...input }));
  const status = () => ok<SetStatus>(call('assessment/set-status', { year: 2026 }));
  const A = { kind: 'assessment', key: '2026' } as const;

  beforeEach(async () => {
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(call('profile/save', { profile: sampleProfile() }));
    await importSet(smallSetV1());
    const view = await ok<AssessmentView>(call('assessment/open', { year: 2026 }));
    expect([view.setId, view.setVersion]).toEqual(['thu-nghiem-so-2026', 1]);
    await save({ code: '1.1', answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch 12/KH-SNV.', status: 'xong' });
    await save({ code: '1.2', answer: { kind: 'choice', optionId: 'dat' }, explanation: 'Báo cáo quý II trễ 2 ngày.' });
    await save({ code: '2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: '10 hồ sơ trễ hạn.' });
    await save({ code: '2.2', answer: { kind: 'count', count: 3 } });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('announces nothing while the year uses the newest version, then lists what a newer one changes and what would carry', async () => {
    expect(await status()).toMatchObject({ version: 1, update: null, history: [] });
    await importSet(smallSetV2());
    const s = await status();
    expect(s.update).toMatchObject({ currentVersion: 1, newestVersion: 2, refusal: null });
    expect(s.update!.changes.map((c) => `${c.code}:${c.change}`)).toEqual(['1.1:renamed', '1.2:rule-changed', '2.1:max-changed', '2.1:rule-changed', '2.3:added', '2.2:removed']);
    expect(s.update!.willCarry).toEqual(['1.1', '2.1']);
    expect(s.update!.willNotCarry.map((n) => n.code)).toEqual(['1.2', '2.2']);
    // The pre-send check names the update too.
    const check = await ok<CheckResult>(call('review/check', { ...A, action: 'submit' }));
    expect(check.findings.some((f) => f.kind === 'set-update')).toBe(true);
  });

  it('switches in one step: answers carried by code, what did not carry listed and kept, the switch on record', async () => {
    await importSet(smallSetV2());
    const result = await ok<SetSwitchResult>(call('assessment/switch-set-version', { year: 2026, toVersion: 2 }));
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2, carried: ['1.1', '2.1'] });
    expect(result.notCarried).toEqual([
      expect.objectContaining({ code: '1.2', answer: { kind: 'choice', optionId: 'dat' }, answerText: 'Đầy đủ nhưng có báo cáo trễ hạn', reason: 'Phiên bản mới không còn mức lựa chọn này; thuyết minh vẫn giữ trên tiêu chí.' }),
      expect.objectContaining({ code: '2.2', answer: { kind: 'count', count: 3 }, reason: 'Phiên bản mới không còn tiêu chí này.' }),
    ]);

    const view = await ok<AssessmentView>(call('assessment/get', { year: 2026 }));
    expect(view.setVersion).toBe(2);
    // 1.1 carried as it was (its rule did not change); 2.1 carried, scored by the new maximum, back to "đang làm".
    expect(view.entries['1.1']).toMatchObject({ answer: { kind: 'yes-no', value: true }, status: 'xong' });
    expect(view.entries['2.1']).toMatchObject({ answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: '10 hồ sơ trễ hạn.' });
    expect(view.score.items['2.1']).toMatchObject({ points: 2 });
    // 1.2 keeps its thuyết minh but has no answer; it no longer counts as answered.
    expect(view.entries['1.2']).toMatchObject({ answer: null, explanation: 'Báo cáo quý II trễ 2 ngày.', status: 'dang-lam' });
    expect(view.score.items['1.2']?.answered).toBe(false);
    expect(view.entries['2.2']).toBeUndefined();
    expect(view.entries['2.3']).toMatchObject({ answer: null, status: 'chua-lam' });

    // Nothing typed is lost: the switch record keeps every entry as it was, and lists what did not carry.
    const s = await status();
    expect(s.update).toBeNull();
    expect(s.history).toEqual([expect.objectContaining({ fromVersion: 1, toVersion: 2, notCarried: result.notCarried })]);
    const before = JSON.parse(core.db.prepare('SELECT entries_before_json FROM assessment_set_switch').pluck().get() as string) as { code: string }[];
    expect(before.map((e) => e.code).sort()).toEqual(['1.1', '1.2', '2.1', '2.2']);
    const audit = await ok<AuditPage>(call('audit/list', { filter: { action: 'assessment.set-switch' } }));
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ old: { setVersion: 1 }, new: { setVersion: 2, carried: ['1.1', '2.1'] } });

    // Once is enough: switching again to the same version is refused.
    expect(await call('assessment/switch-set-version', { year: 2026, toVersion: 2 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses while the dossier is with the leader or approved, until a new version is opened on purpose', async () => {
    await ok(call('review/submit', A));
    await importSet(smallSetV2());
    expect((await status()).update!.refusal).toContain('đang trình lãnh đạo duyệt');
    const submitted = await call('assessment/switch-set-version', { year: 2026, toVersion: 2 });
    expect(submitted).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Chưa đổi được sang phiên bản 2 của bộ chỉ số') } });

    await ok(call('review/approve', A));
    const approved = await call('assessment/switch-set-version', { year: 2026, toVersion: 2 });
    expect(approved.error?.message).toContain('«Mở phiên bản mới để sửa»');
    expect((await ok<AssessmentView>(call('assessment/get', { year: 2026 }))).setVersion).toBe(1);

    await ok(call('review/open-version', { ...A, reason: 'Tỉnh ban hành bộ chỉ số sửa đổi.' }));
    expect((await status()).update!.refusal).toBeNull();
    await ok(call('assessment/switch-set-version', { year: 2026, toVersion: 2 }));
    expect((await ok<AssessmentView>(call('assessment/get', { year: 2026 }))).setVersion).toBe(2);
  });

  it('lets only an officer switch; main checks the role', async () => {
    await importSet(smallSetV2());
    const leader = signedInAs(core.db, { username: 'lanhdao', displayName: 'Trần Văn Mỹ', roles: ['leader'] }, clock);
    expect(await call('assessment/switch-set-version', { year: 2026, toVersion: 2 }, leader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call('assessment/set-status', { year: 2026 }, leader)).ok).toBe(true);
  });
});
