import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import type { Role } from '../../../src/shared/contract/define';
import type { AuditPage, CheckResult, DraftComment, ReviewRound, ReviewStatus } from '../../../src/shared/contract/review';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

type R = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** The leader's review item by item: drafts kept per leader, every round on record, the pre-send check. */
describe('reviewing a dossier item by item', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = new Date('2026-11-22T03:00:00Z');
  const A = { kind: 'assessment', key: '2026' } as const;
  const call = (channel: string, input: unknown = {}, session?: Session) => core.registry.invoke(channel, input, session) as Promise<R>;
  const save = (input: Record<string, unknown>, session?: Session) => call('assessment/save-entry', { year: 2026, ...input }, session);
  const tick = () => {
    clock = new Date(clock.getTime() + 60_000);
  };
  let seq = 0;
  function sessionFor(displayName: string, roles: Role[]): Session {
    seq += 1;
    return signedInAs(core.db, { username: `nguoi${seq}`, displayName, roles }, clock);
  }

  beforeEach(async () => {
    temp = makeTempDir();
    clock = new Date('2026-11-22T03:00:00Z');
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(call('profile/save', { profile: sampleProfile() }));
    await ok(call('assessment/open', { year: 2026 }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('keeps each leader’s unsent comments until they return the dossier, and only while it waits for them', async () => {
    const officer = sessionFor('Nguyễn Thị Ặnh', ['officer']);
    const leader = sessionFor('Trần Văn Mỹ', ['leader']);
    const deputy = sessionFor('Lê Phó', ['leader']);
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }, officer));

    // Not submitted yet: nothing to comment on.
    expect(await call('review/save-draft', { ...A, target: '1.1.3', body: 'Sớm quá' }, leader)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(call('review/submit', A, officer));

    await ok(call('review/save-draft', { ...A, target: '1.1.3', body: '  Bổ sung kế hoạch đã ký.  ' }, leader));
    await ok(call('review/save-draft', { ...A, target: '3.2.1', body: 'Thuyết minh hồ sơ trễ hạn.' }, leader));
    await ok(call('review/save-draft', { ...A, target: '1.1.3', body: 'Bổ sung kế hoạch đã ký, có dấu.' }, leader));
    await ok(call('review/save-draft', { ...A, target: '*', body: 'Ý kiến riêng của phó.' }, deputy));
    expect(await call('review/save-draft', { ...A, target: '9.9', body: 'x' }, leader)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('review/drafts', A, officer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Read back later (another page, another day): one per item, the latest text, only one's own.
    const mine = await ok<DraftComment[]>(call('review/drafts', A, leader));
    expect(mine.map((d) => [d.target, d.body])).toEqual([
      ['1.1.3', 'Bổ sung kế hoạch đã ký, có dấu.'],
      ['3.2.1', 'Thuyết minh hồ sơ trễ hạn.'],
    ]);
    expect((await ok<DraftComment[]>(call('review/drafts', A, deputy))).map((d) => d.target)).toEqual(['*']);

    // An emptied box drops the draft.
    const left = await ok<DraftComment[]>(call('review/save-draft', { ...A, target: '3.2.1', body: '  ' }, leader));
    expect(left.map((d) => d.target)).toEqual(['1.1.3']);

    // Drafts are working notes, not the record.
    const audit = await ok<AuditPage>(call('audit/list', { limit: 100 }));
    expect(audit.entries.some((e) => JSON.stringify(e.new ?? '').includes('có dấu'))).toBe(false);

    tick();
    await ok(call('review/return', { ...A, comments: mine.slice(0, 1).map((d) => ({ target: d.target, body: d.body })) }, leader));
    expect(await ok<DraftComment[]>(call('review/drafts', A, leader))).toEqual([]);
    expect((await ok<DraftComment[]>(call('review/drafts', A, deputy))).length).toBe(1);
  });

  it('keeps every round with its comments and marks the same person sending and approving', async () => {
    const officer = sessionFor('Nguyễn Thị Ặnh', ['officer']);
    const leader = sessionFor('Trần Văn Mỹ', ['leader']);
    const both = sessionFor('Phạm Một Mình', ['officer', 'leader']);
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }, officer));

    tick();
    await ok(call('review/submit', { ...A, note: 'Lần 1' }, officer));
    tick();
    await ok(call('review/return', { ...A, comments: [{ target: '1.1.3', body: 'Vòng 1: thiếu kế hoạch.' }] }, leader));
    const first = await ok<ReviewStatus>(call('review/status', A));
    await ok(call('review/resolve-comment', { id: first.comments[0]!.id }, officer));
    tick();
    await ok(call('review/submit', { ...A, note: 'Lần 2' }, both));
    tick();
    await ok(call('review/return', { ...A, comments: [{ target: '*', body: 'Vòng 2: rà soát chung.' }] }, leader));
    const second = await ok<ReviewStatus>(call('review/status', A));
    await ok(call('review/resolve-comment', { id: second.comments.find((c) => !c.resolved)!.id }, officer));
    tick();
    await ok(call('review/submit', A, both));
    tick();
    await ok(call('review/approve', { ...A, comment: 'Đồng ý.' }, both));

    const rounds = await ok<ReviewRound[]>(call('review/history', A, officer));
    expect(rounds.map((r) => [r.versionNo, r.round, r.outcome, r.note, r.sameSubmitterAndDecider])).toEqual([
      [1, 1, 'returned', 'Lần 1', false],
      [1, 2, 'returned', 'Lần 2', false],
      [1, 3, 'approved', '', true],
    ]);
    expect(rounds[0]!.comments.map((c) => c.body)).toEqual(['Vòng 1: thiếu kế hoạch.']);
    expect(rounds[1]!.comments.map((c) => c.body)).toEqual(['Vòng 2: rà soát chung.']);
    expect(rounds[0]!.submitted.name).toContain('Nguyễn Thị Ặnh');
    expect(rounds[2]!.decisionComment).toBe('Đồng ý.');
    const approval = (await ok<AuditPage>(call('audit/list', { filter: { action: 'review.approve' } }))).entries[0]!;
    expect(approval.new).toMatchObject({ sameSubmitterAndApprover: true });
  });

  it('lists what is missing before sending, blocks only what the rules make blocking, and main enforces it', async () => {
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }));
    const check = await ok<CheckResult>(call('review/check', { ...A, action: 'submit' }));
    expect(check.blocking).toBe(0);
    expect(check.findings.some((f) => f.kind === 'unanswered' && f.target?.type === 'item')).toBe(true);
    // 1.1.3 is answered and needs evidence: it has none and no explanation either.
    expect(check.findings).toContainEqual(
      expect.objectContaining({ kind: 'no-evidence-or-explanation', severity: 'warning', target: { type: 'item', code: '1.1.3' } }),
    );
    expect(check.findings.find((f) => f.target?.type === 'item' && f.target.code === '1.1.3' && f.kind === 'unanswered')).toBeUndefined();
    await ok(save({ code: '1.1.3', explanation: 'Kế hoạch đang trình ký, sẽ bổ sung.' }));
    const after = await ok<CheckResult>(call('review/check', { ...A, action: 'submit' }));
    expect(after.findings.some((f) => f.kind === 'no-evidence-or-explanation' && f.target?.type === 'item' && f.target.code === '1.1.3')).toBe(false);

    // A leader's comment left open blocks the resend, in the check and in main.
    await ok(call('review/submit', A));
    await ok(call('review/return', { ...A, comments: [{ target: '1.1.3', body: 'Bổ sung.' }] }));
    const returned = await ok<CheckResult>(call('review/check', { ...A, action: 'submit' }));
    expect(returned.blocking).toBe(1);
    expect(returned.findings[0]).toMatchObject({ kind: 'open-comments', severity: 'blocking', target: { type: 'item', code: '1.1.3' } });
    expect(await call('review/submit', A)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Export: an approved version without its signed copy is a warning.
    const st = await ok<ReviewStatus>(call('review/status', A));
    await ok(call('review/resolve-comment', { id: st.comments[0]!.id }));
    await ok(call('review/submit', A));
    await ok(call('review/approve', A));
    const exportCheck = await ok<CheckResult>(call('review/check', { ...A, action: 'export' }));
    expect(exportCheck.findings).toEqual([
      { kind: 'signed-copy-missing', severity: 'warning', message: 'Phiên bản 1 đã duyệt chưa có bản đã ký (PDF hoặc ảnh quét).', target: { type: 'version', versionNo: 1 } },
    ]);
  });
});
