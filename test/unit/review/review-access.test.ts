import { describe, expect, it } from 'vitest';
import { accessOf } from '../../../src/shared/contract/access';
import { CHANNEL_NAMES } from '../../../src/shared/contract';
import { formatDateTimeVi, subjectLabel } from '../../../src/shared/review-labels';

describe('who may act in the review chain', () => {
  it('gives every review and audit channel an explicit rule', () => {
    const ours = CHANNEL_NAMES.filter((c) => c.startsWith('review/') || c.startsWith('audit/'));
    expect(ours.length).toBe(18);
    for (const channel of ours) expect(accessOf(channel), channel).toBeDefined();
  });

  it('lets the officer send and attach, the leader return and approve, anyone signed in read', () => {
    expect(accessOf('review/submit')).toEqual(['officer']);
    expect(accessOf('review/resolve-comment')).toEqual(['officer']);
    expect(accessOf('review/attach-signed')).toEqual(['officer']);
    expect(accessOf('review/return')).toEqual(['leader']);
    expect(accessOf('review/approve')).toEqual(['leader']);
    expect(accessOf('review/status')).toBe('signed-in');
    expect(accessOf('audit/verify')).toBe('signed-in');
    expect(accessOf('audit/export')).toEqual(['leader', 'admin']);
    // A leader's unsent comments are theirs; opening a new version after approval is the officer's.
    expect(accessOf('review/drafts')).toEqual(['leader']);
    expect(accessOf('review/save-draft')).toEqual(['leader']);
    expect(accessOf('review/open-version')).toEqual(['officer']);
    expect(accessOf('review/history')).toBe('signed-in');
    expect(accessOf('review/check')).toBe('signed-in');
  });
});

describe('review labels', () => {
  it('shows instants in Vietnam time as dd/mm/yyyy hh:mm:ss', () => {
    expect(formatDateTimeVi('2026-11-25T17:05:09.000Z')).toBe('26/11/2026 00:05:09');
    expect(formatDateTimeVi('không phải ngày')).toBe('không phải ngày');
  });

  it('names subjects in Vietnamese', () => {
    expect(subjectLabel('assessment:2026')).toBe('Tự đánh giá năm 2026');
    expect(subjectLabel('report:2026:q1')).toBe('Báo cáo quý I năm 2026');
    expect(subjectLabel('report:2026:year')).toBe('Báo cáo năm 2026');
    expect(subjectLabel('report:2026:x')).toBe('Báo cáo 2026:x');
  });
});
