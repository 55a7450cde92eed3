import { describe, expect, it } from 'vitest';
import { itemDone } from '../../../src/shared/assessment/progress';
import type { AssessmentEntry } from '../../../src/shared/contract/assessment';
import type { CriteriaItem } from '../../../src/shared/criteria/format';
import type { ItemScore } from '../../../src/shared/criteria/score-types';

const item = (evidenceRequired = ''): CriteriaItem => ({
  code: '1.1',
  title: 'Kế hoạch CCHC',
  kind: 'normal',
  maxPoints: 2,
  assessedBy: 'self',
  guidance: '',
  evidenceRequired,
  children: [],
});
const entry = (patch: Partial<AssessmentEntry> = {}): AssessmentEntry => ({ code: '1.1', answer: { kind: 'yes-no', value: true }, explanation: '', status: 'dang-lam', updatedAt: null, ...patch });
const score = (points: number, answered = true): ItemScore => ({ code: '1.1', points, effectiveMax: 2, answered, notApplicable: false, ruleExplanation: '' });

describe('one definition of an item done', () => {
  it('needs an answer', () => {
    expect(itemDone(item(), entry({ answer: null }), score(0, false), 0)).toBe(false);
    expect(itemDone(item(), entry(), score(2), 0)).toBe(true);
  });

  it('needs evidence where the set asks for it, or a reason in the thuyết minh', () => {
    expect(itemDone(item('Kế hoạch đã ký'), entry(), score(2), 0)).toBe(false);
    expect(itemDone(item('Kế hoạch đã ký'), entry(), score(2), 1)).toBe(true);
    expect(itemDone(item('Kế hoạch đã ký'), entry({ explanation: 'Đang trình ký.' }), score(2), 0)).toBe(true);
  });

  it('needs a thuyết minh below full points', () => {
    expect(itemDone(item(), entry(), score(1), 0)).toBe(false);
    expect(itemDone(item(), entry({ explanation: 'Ban hành muộn.' }), score(1), 0)).toBe(true);
  });

  it('keeps the officer’s status as an override both ways', () => {
    expect(itemDone(item('Kế hoạch'), entry({ answer: null, status: 'xong' }), score(0, false), 0)).toBe(true);
    expect(itemDone(item(), entry({ status: 'can-bo-sung' }), score(2), 1)).toBe(false);
  });
});
