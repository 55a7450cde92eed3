import { describe, expect, it } from 'vitest';
import { auditFieldText, auditValueText } from '../../../src/shared/review/audit-values';

describe('the change log in plain Vietnamese', () => {
  it('a plan task: status and source in words, dates dd/mm/yyyy, empty fields left out', () => {
    const text = auditValueText({ code: '1', title: 'Việc 1', due: '2026-06-30', doneDate: '2026-03-01', status: 'xong', source: 'own', lead: '', resultFileIds: [] }, 'plan.task-create');
    expect(text.split('\n')).toEqual([
      'Mã: 1',
      'Nội dung: Việc 1',
      'Thời hạn: 30/06/2026',
      'Ngày hoàn thành: 01/03/2026',
      'Trạng thái: Đã xong',
      'Nguồn: Kế hoạch của đơn vị',
      'Văn bản kết quả (số tệp): (không có)',
    ]);
  });

  it('review states, item states, roles and booleans', () => {
    expect(auditValueText({ versionNo: 2, status: 'submitted' })).toBe('Phiên bản: 2\nTrạng thái: Đã trình, chờ duyệt');
    // Points as the official tables print them; a version number stays a plain number.
    expect(auditValueText({ points: 2, explanation: 'Đủ' })).toBe('Điểm: 2,00\nThuyết minh: Đủ');
    expect(auditFieldText('points', 1.5)).toBe('1,50');
    expect(auditFieldText('status', 'dang-lam')).toBe('Đang làm');
    expect(auditFieldText('status', 'xong')).toBe('Xong');
    expect(auditFieldText('status', 'xong', 'plan.task-update')).toBe('Đã xong');
    expect(auditValueText({ roles: ['leader', 'officer'], disabled: true })).toBe('Vai trò: lãnh đạo, cán bộ đầu mối\nVô hiệu hóa: Có');
    expect(auditValueText({ final: false, round: 1 })).toBe('Kết quả cuối cùng: Không\nLần thẩm định: 1');
  });

  it('answers, instants and numbers are read, never shown as stored JSON', () => {
    expect(auditValueText({ answer: { kind: 'yes-no', value: false }, points: 2.5 })).toBe('Trả lời: Không\nĐiểm: 2,50');
    expect(auditFieldText('updatedAt', '2026-12-04T20:47:21.650Z')).toBe('05/12/2026 03:47:21');
    expect(auditValueText({ decision: { number: '12/QĐ-UBND', date: '2026-01-10' } })).toBe('Quyết định ban hành: Số, ký hiệu: 12/QĐ-UBND; Ngày: 10/01/2026');
    expect(auditValueText({ answer: { kind: 'yes-no', value: true } })).not.toContain('"kind"');
  });

  it('leaves free text as it was typed, even when it looks like a code', () => {
    expect(auditFieldText('title', 'xong')).toBe('xong');
    expect(auditValueText('Đã sửa phần I.1')).toBe('Đã sửa phần I.1');
  });
});
