import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../../src/shared/contract/plan';
import { periodCompletion, yearCompletion } from '../../../src/main/core/plan/completion';

function task(code: string, due: string | null, status: PlanTask['status'] = 'chua-lam', doneDate: string | null = null): PlanTask {
  return { code, title: code, lead: '', cooperating: '', due, product: '', source: 'own', sourceRef: '', status, statusReason: status === 'khong-thuc-hien' ? 'lý do' : '', doneDate, resultFileIds: [], updatedAt: '' };
}

// Quý I/2026 of BNV 581: 15/12/2025 → 14/03/2026, both ends included.
const Q1 = { from: '2025-12-15', to: '2026-03-14' };

describe('completion rate of a period', () => {
  it('counts tasks due on the first and the last day of the window, not the day before or after', () => {
    const tasks = [task('a', '2025-12-14'), task('b', '2025-12-15'), task('c', '2026-03-14'), task('d', '2026-03-15'), task('e', null)];
    const c = periodCompletion(tasks, Q1, '2026-06-01');
    expect(c.due).toBe(2);
    expect(c.overdue).toBe(2);
  });

  it('counts a task done on the window\'s last day, not one done the day after', () => {
    const tasks = [task('a', '2026-03-10', 'xong-qua-han', '2026-03-14'), task('b', '2026-03-10', 'xong-qua-han', '2026-03-15'), task('c', '2026-03-01', 'xong', '2026-02-20')];
    const c = periodCompletion(tasks, Q1, '2026-06-01');
    expect(c).toMatchObject({ due: 3, done: 2, doneOnTime: 1, overdue: 1 });
    expect(c.rate).toBeCloseTo(66.6667, 3);
    expect(c.onTimeRate).toBeCloseTo(33.3333, 3);
  });

  it('leaves tasks set aside (không thực hiện) out of the rate and says how many', () => {
    const tasks = [task('a', '2026-01-10', 'xong', '2026-01-09'), task('b', '2026-01-20', 'khong-thuc-hien')];
    expect(periodCompletion(tasks, Q1, '2026-06-01')).toMatchObject({ due: 1, done: 1, notCarriedOut: 1, rate: 100 });
  });

  it('has no rate when nothing is due', () => {
    expect(periodCompletion([task('a', '2026-05-01')], Q1, '2026-06-01')).toMatchObject({ due: 0, rate: null, onTimeRate: null });
  });

  it('judges an open window as of today: a task due after today is not overdue yet', () => {
    const tasks = [task('a', '2026-02-01'), task('b', '2026-03-01')];
    expect(periodCompletion(tasks, Q1, '2026-02-15')).toMatchObject({ due: 2, overdue: 1 });
  });
});

describe('completion rate of the year', () => {
  it('counts every task of the plan, with or without deadline, done as of today', () => {
    const tasks = [task('a', '2026-03-31', 'xong', '2026-03-20'), task('b', '2026-12-20'), task('c', null, 'xong', '2026-05-01'), task('d', '2026-04-01', 'xong', '2026-05-01')];
    const c = yearCompletion(tasks, '2026-04-15');
    // d was finished on 01/05, after "today": not done yet as of 15/04.
    expect(c).toMatchObject({ due: 4, done: 1, doneOnTime: 1, overdue: 1 });
    expect(yearCompletion(tasks, '2026-12-31')).toMatchObject({ due: 4, done: 3, doneOnTime: 2, overdue: 1, rate: 75, onTimeRate: 50 });
  });
});
