/**
 * Renders the four periodic reports (quý I, 6 tháng, quý III, năm) of a sample Sở Văn hóa và Thể
 * thao through LibreOffice to PNG pages, for a person to look at after a layout change:
 *   npx tsx scripts/render-periodic-reports.ts <out-folder>
 * Needs soffice and pdftoppm. Writes <out>/<period>.docx, .pdf and <period>-N.png.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCore } from '../src/main/core/app';
import type { GeneratedDocument } from '../src/shared/contract/reports';

const TEXTS: Record<string, string> = {
  'chi-dao':
    'Sở đã ban hành Kế hoạch số 15/KH-SVHTT ngày 12/01/2026 về cải cách hành chính năm 2026, giao 24 nhiệm vụ cho các phòng, đơn vị.\n' +
    'a) Kế hoạch kiểm tra công tác CCHC được ban hành cùng kế hoạch năm.\n' +
    'b) Các phòng, đơn vị báo cáo tiến độ hằng tháng.\n' +
    'c) Lãnh đạo Sở chủ trì giao ban CCHC hằng quý.',
  'to-chuc-cchc': 'Phân công 01 công chức Văn phòng Sở làm đầu mối CCHC; mỗi phòng, đơn vị có 01 người phụ trách.',
  'kiem-tra': 'Kiểm tra 02 đơn vị trực thuộc; phát hiện 03 vấn đề, đã xử lý 02 vấn đề.',
  'tuyen-truyen': '- Đăng tải 12 tin, bài trên Cổng thông tin điện tử của Sở;\n- Tổ chức 01 hội nghị tập huấn cho 80 lượt công chức.',
  'the-che': 'Tham mưu ban hành 02 văn bản quy phạm pháp luật; rà soát 15 văn bản, kiến nghị sửa đổi 01 văn bản.',
  tthc: 'Tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 1.180 hồ sơ (đạt 94,4%). 100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.',
  'han-che': 'Tỷ lệ thanh toán trực tuyến còn thấp.\nNguyên nhân: người dân chưa quen sử dụng.',
  'nhiem-vu': '- Tiếp tục rà soát, đơn giản hóa TTHC;\n- Đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC.',
};

const out = resolve(process.argv[2] ?? 'render-out');
mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'cchc-render-'));
const core = openCore({ dataDir: data, now: () => new Date('2026-12-16T03:00:00Z'), log: () => {} });
async function call<T>(channel: string, input: Record<string, unknown>): Promise<T> {
  const r = await core.registry.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}
await call('profile/save', {
  profile: {
    year: 2026, name: 'Sở Văn hóa và Thể thao', shortName: 'SVHTT', unitType: 'so', parentBody: 'UBND tỉnh Lâm Đồng', province: 'Lâm Đồng',
    focalOfficerName: 'Nguyễn Thị Ặnh', leaderName: 'Trần Văn Mỹ', leaderTitle: 'Phó Giám đốc', draftingUnit: 'VP',
  },
});
const dates: Record<string, string> = { q1: '2026-03-16', h1: '2026-06-15', q3: '2026-09-15', year: '2026-12-15' };
for (const period of ['q1', 'h1', 'q3', 'year']) {
  for (const [code, text] of Object.entries(TEXTS)) await call('reports/save-section', { year: 2026, period, code, text });
  await call('reports/save-statistics', { year: 2026, period, values: [{ code: 'hs-tiep-nhan', value: 1250 }, { code: 'hs-dung-han', value: 1180 }, { code: 'hs-qua-han', value: 20 }] });
  await call('reports/save-document-options', { year: 2026, period, documentDate: dates[period], recipients: null });
  const doc = await call<GeneratedDocument>('reports/generate', { kind: 'periodic-docx', year: 2026, period });
  const file = join(out, `${period}.docx`);
  writeFileSync(file, Buffer.from(doc.base64, 'base64'));
  spawnSync('soffice', [`-env:UserInstallation=file://${join(data, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
  const pdf = join(out, `${period}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${period}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, period)]);
  console.log(`${period}: ${pdf}`);
}
core.close();
