import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { PlanFile, PlanImportResult, PlanView } from '../../../src/shared/contract/plan';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

const good = {
  formatVersion: 1,
  kind: 'plan',
  year: 2026,
  plan: { number: '15/KH-STP', date: '2026-01-12', title: 'Kế hoạch cải cách hành chính năm 2026' },
  tasks: [
    { code: '1', title: 'Ban hành kế hoạch CCHC', lead: 'Văn phòng', due: '2026-01-15', product: 'Kế hoạch', status: 'xong', doneDate: '2026-01-12' },
    { code: '2', title: 'Rà soát TTHC', lead: 'Phòng HCTP', due: '30/06/2026', source: 'province', sourceRef: '47/KH-UBND', status: 'đang làm' },
    { code: '3', title: 'Tập huấn', due: '2026-03-31', status: 'Hoàn thành', doneDate: '2026-04-02' },
  ],
};

const json = (data: unknown) => ({ fileName: 'ke-hoach.json', contentBase64: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)).toString('base64') });

describe('plan import', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(async () => {
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => new Date('2026-04-10T03:00:00Z') });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  const importFile = (file: { fileName: string; contentBase64: string }, extra: Record<string, unknown> = {}) =>
    ok<PlanImportResult>(core.registry.invoke('plan/import', { ...file, ...extra }));
  const view = () => ok<PlanView>(core.registry.invoke('plan/get', { year: 2026 }));

  it('imports a good JSON file, marks a late "xong" as xong quá hạn, and computes the rates', async () => {
    const r = await importFile(json(good));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, saved: true, year: 2026, created: ['1', '2', '3'] });
    expect(r.notes.join(' ')).toContain('xong quá hạn');
    const v = await view();
    expect(v.plan).toMatchObject({ number: '15/KH-STP', date: '2026-01-12' });
    expect(v.tasks.map((t) => t.status)).toEqual(['xong', 'dang-lam', 'xong-qua-han']);
    expect(v.tasks[1]).toMatchObject({ due: '2026-06-30', source: 'province', sourceRef: '47/KH-UBND' });
    // Quý I (15/12/2025 → 14/03/2026): only task 1 is due; done on time.
    expect(v.periods.find((p) => p.period === 'q1')).toMatchObject({ due: 1, done: 1, rate: 100 });
    expect(v.year).toMatchObject({ due: 3, done: 2, doneOnTime: 1 });
  });

  it('re-import updates by code, reports the changed fields, keeps tasks the file leaves out', async () => {
    await importFile(json(good));
    const next = { ...good, tasks: [{ ...good.tasks[0]! }, { ...good.tasks[1]!, status: 'xong', doneDate: '2026-04-01' }] };
    const r = await importFile(json(next));
    expect(r.created).toEqual([]);
    expect(r.unchanged).toEqual(['1']);
    expect(r.updated).toEqual([{ code: '2', fields: ['status', 'doneDate'] }]);
    expect(r.notInFile).toEqual(['3']);
    expect((await view()).tasks).toHaveLength(3);
  });

  it('preview checks and reports without saving', async () => {
    const r = await importFile(json(good), { preview: true });
    expect(r).toMatchObject({ ok: true, saved: false, created: ['1', '2', '3'] });
    expect((await view()).tasks).toHaveLength(0);
  });

  const broken: [string, unknown, string, string][] = [
    ['not JSON at all', '{"formatVersion":1,', '(tệp)', 'không phải JSON'],
    ['an array instead of an object', '[1,2]', '(tệp)', 'phải là một đối tượng'],
    ['wrong formatVersion', { ...good, formatVersion: 2 }, 'formatVersion', 'formatVersion phải là 1'],
    ['wrong kind', { ...good, kind: 'criteria' }, 'kind', 'kind phải là "plan"'],
    ['no tasks array', { ...good, tasks: undefined }, 'tasks', 'Thiếu danh sách nhiệm vụ'],
    ['a misspelt field', { ...good, tasks: [{ ...good.tasks[0], dueDate: '2026-01-01' }] }, 'tasks[0].dueDate', 'không có trong mẫu'],
    ['an impossible date', { ...good, tasks: [{ ...good.tasks[0], due: '2026-02-30' }] }, 'tasks[0].due', 'không phải ngày có thật'],
    ['an unknown status', { ...good, tasks: [{ ...good.tasks[0], status: 'gần xong' }] }, 'tasks[0].status', 'Trạng thái «gần xong» không có'],
    ['a done task without its date', { ...good, tasks: [{ code: '1', title: 'x', status: 'xong' }] }, 'tasks[0].doneDate', 'phải có ngày hoàn thành'],
    ['a task set aside without reason', { ...good, tasks: [{ code: '1', title: 'x', status: 'không thực hiện' }] }, 'tasks[0].statusReason', 'phải ghi lý do'],
    ['a province task without the province plan', { ...good, tasks: [{ code: '1', title: 'x', source: 'tỉnh' }] }, 'tasks[0].sourceRef', 'số kế hoạch của tỉnh'],
    ['a duplicate code', { ...good, tasks: [good.tasks[0], { ...good.tasks[1], code: '1' }] }, 'tasks[1].code', 'trùng với nhiệm vụ thứ 1 trong tệp'],
    ['a task without content', { ...good, tasks: [{ code: '1', title: '  ' }] }, 'tasks[0].title', 'Thiếu nội dung'],
    ['a year out of range', { ...good, year: 1990 }, 'year', 'Năm «1990» không hợp lệ'],
    ['no year at all', { ...good, year: undefined }, 'year', 'Không rõ kế hoạch năm nào'],
    ['xong quá hạn done before the deadline', { ...good, tasks: [{ code: '1', title: 'x', due: '2026-03-01', status: 'xong quá hạn', doneDate: '2026-02-01' }] }, 'tasks[0].status', 'không phải «xong quá hạn»'],
    ['a number where text belongs is fine, an object is not', { ...good, tasks: [{ code: '1', title: { vi: 'x' } }] }, 'tasks[0].title', 'chữ hoặc số'],
  ];

  for (const [name, data, where, message] of broken) {
    it(`refuses ${name}, saving nothing`, async () => {
      const r = await importFile(json(data));
      expect(r.ok).toBe(false);
      expect(r.saved).toBe(false);
      expect(r.errors.find((e) => (e.ref ?? e.where) === where)?.message ?? JSON.stringify(r.errors)).toContain(message);
      expect((await view()).tasks).toHaveLength(0);
    });
  }

  it('lists every error of a file at once', async () => {
    const r = await importFile(json({ ...good, tasks: [{ code: '1', title: 'x', due: '31/13/2026' }, { code: '2', title: '', status: 'lạ' }, { code: '1', title: 'y' }] }));
    // Each place in words, as the Excel route names its cells; the exact JSON path kept in ref.
    expect(r.errors.map((e) => [e.where, e.ref])).toEqual(
      expect.arrayContaining([
        ['Nhiệm vụ thứ 1 (mã «1») → Thời hạn', 'tasks[0].due'],
        ['Nhiệm vụ thứ 2 (mã «2») → Trạng thái', 'tasks[1].status'],
        ['Nhiệm vụ thứ 3 (mã «1») → Mã', 'tasks[2].code'],
      ]),
    );
  });

  it('refuses a year other than the one chosen', async () => {
    const r = await importFile(json(good), { year: 2025 });
    expect(r.errors[0]?.message).toContain('không phải năm 2025');
  });

  it('refuses a file that is neither JSON nor Excel', async () => {
    const r = await importFile({ fileName: 'ke-hoach.docx', contentBase64: Buffer.from('hello').toString('base64') });
    expect(r.errors[0]?.message).toContain('chỉ nhận tệp .json hoặc .xlsx');
  });

  it('the Excel template round-trips: fill «Nhiệm vụ», import, errors by cell', async () => {
    const template = await ok<PlanFile>(core.registry.invoke('plan/template', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kế hoạch', 'Nhiệm vụ', 'Ví dụ', 'Hướng dẫn']);
    expect(wb.getWorksheet('Ví dụ')!.rowCount).toBeGreaterThan(3);
    const info = wb.getWorksheet('Kế hoạch')!;
    info.getCell('B1').value = 2026;
    info.getCell('B2').value = '15/KH-STP';
    info.getCell('B3').value = new Date(Date.UTC(2026, 0, 12));
    info.getCell('B4').value = 'Kế hoạch CCHC năm 2026';
    const sheet = wb.getWorksheet('Nhiệm vụ')!;
    sheet.getRow(2).values = ['1', 'Ban hành kế hoạch', 'Văn phòng', '', new Date(Date.UTC(2026, 0, 15)), 'Kế hoạch', 'Kế hoạch của đơn vị', '', 'Đã xong', '', '12/01/2026'];
    sheet.getRow(3).values = ['2', 'Rà soát TTHC', 'Phòng HCTP', '', '30/06/2026', '', 'Kế hoạch của tỉnh', '', 'Đang làm', '', ''];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importFile({ fileName: 'ke-hoach.xlsx', contentBase64: filled.toString('base64') });
    expect(r.errors).toEqual([{ where: 'Trang «Nhiệm vụ», dòng 3, cột «Số KH của tỉnh / mã tiêu chí»', ref: 'Nhiệm vụ!H3', message: expect.stringContaining('số kế hoạch của tỉnh') }]);
    sheet.getCell('H3').value = '47/KH-UBND';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const r2 = await importFile({ fileName: 'ke-hoach.xlsx', contentBase64: fixed.toString('base64') });
    expect(r2).toMatchObject({ ok: true, saved: true, year: 2026, created: ['1', '2'] });
    expect((await view()).plan).toMatchObject({ number: '15/KH-STP', date: '2026-01-12' });
  });

  it('refuses a workbook whose columns were moved, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Nhiệm vụ');
    sheet.addRow(['Mã', 'Thời hạn', 'Nội dung nhiệm vụ']);
    const r = await importFile({ fileName: 'x.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }, { year: 2026 });
    expect(r.errors.find((e) => e.ref === 'Nhiệm vụ!B1')?.where).toBe('Trang «Nhiệm vụ», dòng tiêu đề (dòng 1), cột B');
    expect(r.errors.find((e) => e.ref === 'Nhiệm vụ!B1')?.message).toContain('phải là «Nội dung nhiệm vụ»');
  });

  it('refuses a corrupt .xlsx with a message', async () => {
    const r = await importFile({ fileName: 'x.xlsx', contentBase64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).toString('base64') }, { year: 2026 });
    expect(r.errors[0]?.message).toContain('Không mở được tệp Excel');
  });
});
