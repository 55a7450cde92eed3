import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { PlanCriterionFacts, PlanDueSummary, PlanTask, PlanView } from '../../../src/shared/contract/plan';
import type { AuditPage } from '../../../src/shared/contract/review';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

describe('plan channels', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(async () => {
    temp = makeTempDir();
    // 10/04/2026 in Vietnam.
    core = openCore({ dataDir: temp.dir, now: () => new Date('2026-04-10T03:00:00Z') });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });
  const saveTask = (task: Record<string, unknown>) => core.registry.invoke('plan/save-task', { year: 2026, task });

  it('lists tasks due within 7 days and overdue ones; finished or set-aside tasks never', async () => {
    await ok(saveTask({ code: '1', title: 'Hạn hôm nay', due: '2026-04-10' }));
    await ok(saveTask({ code: '2', title: 'Hạn sau 7 ngày', due: '2026-04-17' }));
    await ok(saveTask({ code: '3', title: 'Hạn sau 8 ngày', due: '2026-04-18' }));
    await ok(saveTask({ code: '4', title: 'Quá hạn', due: '2026-04-09', status: 'dang-lam' }));
    await ok(saveTask({ code: '5', title: 'Đã xong', due: '2026-04-12', status: 'xong', doneDate: '2026-04-01' }));
    await ok(saveTask({ code: '6', title: 'Không làm', due: '2026-04-01', status: 'khong-thuc-hien', statusReason: 'Tỉnh hủy' }));
    const due = await ok<PlanDueSummary>(core.registry.invoke('plan/due', { year: 2026 }));
    expect(due.today).toBe('2026-04-10');
    expect(due.dueSoon.map((t) => t.code)).toEqual(['1', '2']);
    expect(due.overdue.map((t) => t.code)).toEqual(['4']);
  });

  it('refuses a task that breaks a rule, with the reason, and audits every change', async () => {
    const bad = await saveTask({ code: '1', title: 'x', status: 'khong-thuc-hien' });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('phải ghi lý do');
    await ok(saveTask({ code: '1', title: 'Ban hành kế hoạch', due: '2026-01-15' }));
    await ok(saveTask({ code: '1', title: 'Ban hành kế hoạch', due: '2026-01-15', status: 'xong', doneDate: '2026-01-20' }));
    const saved = (await ok<PlanView>(core.registry.invoke('plan/get', { year: 2026 }))).tasks[0]!;
    expect(saved.status).toBe('xong-qua-han');
    await ok(core.registry.invoke('plan/save', { year: 2026, number: '15/KH-STP', date: '2026-01-12', title: 'Kế hoạch CCHC', documentFileId: null }));
    await ok(core.registry.invoke('plan/delete-task', { year: 2026, code: '1' }));
    const audit = await ok<AuditPage>(core.registry.invoke('audit/list', {}));
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.task-create', 'plan.task-update', 'plan.save', 'plan.task-delete']));
    expect(audit.entries.every((e) => !e.action.startsWith('plan.') || e.subject === 'plan:2026')).toBe(true);
  });

  it('refuses a plan document that is not in the evidence store', async () => {
    const r = await core.registry.invoke('plan/save', { year: 2026, number: '', date: null, title: '', documentFileId: 99 });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('Không có tài liệu mã 99');
  });

  it('creates remediation tasks from last year\'s lost points once, marked as such', async () => {
    const items = [{ criterionCode: '5.3', title: 'Tỷ lệ hồ sơ trực tuyến', due: '2026-09-30' }];
    const first = await ok<PlanTask[]>(core.registry.invoke('plan/add-remediation', { year: 2026, items }));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ code: 'KP-5.3', source: 'remediation', sourceRef: '5.3' });
    expect(first[0]!.title).toContain('Chỉ số CCHC năm 2025');
    expect(await ok<PlanTask[]>(core.registry.invoke('plan/add-remediation', { year: 2026, items }))).toEqual([]);
  });

  it('gives a criterion the plan\'s date and on-time ratio', async () => {
    await ok(core.registry.invoke('plan/save', { year: 2026, number: '15/KH-STP', date: '2026-01-12', title: 'KH', documentFileId: null }));
    await ok(saveTask({ code: '1', title: 'a', due: '2026-01-15', status: 'xong', doneDate: '2026-01-12' }));
    await ok(saveTask({ code: '2', title: 'b', due: '2026-02-15', status: 'xong', doneDate: '2026-02-20' }));
    await ok(saveTask({ code: '3', title: 'c', due: '2026-12-15' }));
    await ok(saveTask({ code: '4', title: 'd', due: '2026-12-15' }));
    const facts = await ok<PlanCriterionFacts>(core.registry.invoke('plan/criterion-facts', { year: 2026 }));
    expect(facts).toMatchObject({ planNumber: '15/KH-STP', planDate: '2026-01-12', due: 4, doneOnTime: 1, onTimeRate: 25 });
  });
});
