import { describe, expect, it } from 'vitest';
import { recogniseFromName, recogniseFromText, recogniseMetadata } from '../../../src/main/core/evidence/recognise';

/** Realistic names of evidence files, as officers and document systems write them. */
const NAMES: [string, Record<string, string>][] = [
  ['QD 123-QD-UBND 2024.pdf', { docType: 'Quyết định', docNumber: '123', docSymbol: 'QĐ-UBND', issuer: 'UBND', period: '2024' }],
  ['Kế hoạch 47-KH-UBND ngày 11-01-2022.pdf', { docType: 'Kế hoạch', docNumber: '47', docSymbol: 'KH-UBND', issuer: 'UBND', issueDate: '2022-01-11' }],
  ['Ke hoach so 47_KH-UBND ngay 11.01.2022.pdf', { docType: 'Kế hoạch', docNumber: '47', docSymbol: 'KH-UBND', issueDate: '2022-01-11' }],
  ['KH_47_KH-SNV_CCHC nam 2022.docx', { docType: 'Kế hoạch', docNumber: '47', docSymbol: 'KH-SNV', issuer: 'SNV', period: '2022' }],
  ['Quyết định 15_2023_QĐ-UBND ban hành quy chế làm việc.pdf', { docType: 'Quyết định', docNumber: '15/2023', docSymbol: 'QĐ-UBND', summary: 'Ban hành quy chế làm việc' }],
  ['Báo cáo 125-BC-SNV kết quả CCHC 6 tháng đầu năm 2024.pdf', { docType: 'Báo cáo', docNumber: '125', docSymbol: 'BC-SNV', period: '6 tháng đầu năm 2024' }],
  ['BC 210-BC-UBND CCHC quy II 2025.pdf', { docType: 'Báo cáo', docNumber: '210', docSymbol: 'BC-UBND', period: 'Quý II/2025' }],
  ['Bao cao ket qua CCHC nam 2023.pdf', { docType: 'Báo cáo', period: '2023', summary: 'Ket qua CCHC nam 2023' }],
  ['CV 1250-UBND-VX trien khai dich vu cong truc tuyen.pdf', { docType: 'Công văn', docNumber: '1250', docSymbol: 'UBND-VX', issuer: 'UBND' }],
  ['Công văn 305 SNV-CCHC về việc kiểm tra CCHC.pdf', { docType: 'Công văn', docNumber: '305', docSymbol: 'SNV-CCHC', issuer: 'SNV', summary: 'Kiểm tra CCHC' }],
  ['Thông báo 12-TB-SNV.pdf', { docType: 'Thông báo', docNumber: '12', docSymbol: 'TB-SNV', issuer: 'SNV' }],
  ['TB 08-TB-VP ket luan giao ban.pdf', { docType: 'Thông báo', docNumber: '08', docSymbol: 'TB-VP', issuer: 'VP' }],
  ['Nghi quyet 15 2023 NQ-HDND.pdf', { docType: 'Nghị quyết', docNumber: '15/2023', docSymbol: 'NQ-HĐND', issuer: 'HĐND' }],
  ['Chỉ thị 05-CT-UBND tăng cường kỷ luật hành chính.pdf', { docType: 'Chỉ thị', docNumber: '05', docSymbol: 'CT-UBND', summary: 'Tăng cường kỷ luật hành chính' }],
  ['Tờ trình 05-TTr-SNV ngày 03.02.2024.pdf', { docType: 'Tờ trình', docNumber: '05', docSymbol: 'TTr-SNV', issueDate: '2024-02-03' }],
  ['To trinh 18 TTR-SNV.docx', { docType: 'Tờ trình', docNumber: '18', docSymbol: 'TTr-SNV' }],
  ['Hướng dẫn 02-HD-SNV chấm điểm CCHC 2025.pdf', { docType: 'Hướng dẫn', docNumber: '02', docSymbol: 'HD-SNV', period: '2025' }],
  ['20220111_KH_CCHC.pdf', { docType: 'Kế hoạch', issueDate: '2022-01-11' }],
  ['2024-03-15 Bien ban kiem tra CCHC.pdf', { docType: 'Biên bản', issueDate: '2024-03-15' }],
  ['Quyet dinh thanh lap to kiem tra ngay 5 thang 3 nam 2024.pdf', { docType: 'Quyết định', issueDate: '2024-03-05' }],
  ['Giấy mời họp giao ban CCHC quý 3 năm 2024.pdf', { docType: 'Giấy mời', period: 'Quý III/2024' }],
  ['Chương trình 03-CTr-UBND hành động CCHC 2021-2025.pdf', { docType: 'Chương trình', docNumber: '03', docSymbol: 'CTr-UBND' }],
  ['qd-456-qd-ubnd.pdf', { docType: 'Quyết định', docNumber: '456', docSymbol: 'QĐ-UBND' }],
  ['Quy chế phối hợp 9 tháng năm 2024.docx', { docType: 'Quy chế', period: '9 tháng năm 2024' }],
  ['Đề án 06 ĐA-UBND.pdf', { docType: 'Đề án', docNumber: '06', docSymbol: 'ĐA-UBND' }],
];

describe('metadata recognition from file names', () => {
  it(`covers at least 20 realistic names (${NAMES.length})`, () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, expected] of NAMES) {
    it(name, () => {
      expect(recogniseFromName(name)).toMatchObject(expected);
    });
  }

  it('an NFD name gives the same result as its NFC form', () => {
    const name = 'Kế hoạch 47-KH-UBND ngày 11-01-2022.pdf';
    expect(recogniseFromName(name.normalize('NFD'))).toEqual(recogniseFromName(name));
  });

  it('a name that says nothing suggests nothing', () => {
    expect(recogniseFromName('scan0001.pdf')).toEqual({});
    expect(recogniseFromName('IMG_20240101.jpg')).toEqual({ issueDate: '2024-01-01' });
  });

  it('does not take an impossible date', () => {
    expect(recogniseFromName('Bao cao 31-02-2024.pdf').issueDate).toBeUndefined();
  });
});

const HEADER_PLAN = [
  'UBND TỈNH QUẢNG NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc',
  'Số: 47/KH-SNV Quảng Ninh, ngày 11 tháng 01 năm 2022',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2022',
  'Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/12/2021 của UBND tỉnh;',
].join('\n');

describe('metadata recognition from the first page', () => {
  it('reads a Decree-30 header of a plan', () => {
    expect(recogniseFromText(HEADER_PLAN)).toEqual({
      docNumber: '47',
      docSymbol: 'KH-SNV',
      issuer: 'SỞ NỘI VỤ',
      issueDate: '2022-01-11',
      docType: 'Kế hoạch',
      summary: 'Cải cách hành chính năm 2022',
      period: '2022',
    });
  });

  it('reads the inline form "Kế hoạch số 47/KH-UBND ngày 11/01/2022"', () => {
    expect(recogniseFromText('Thực hiện Kế hoạch số 47/KH-UBND ngày 11/01/2022 của UBND huyện')).toMatchObject({
      docNumber: '47',
      docSymbol: 'KH-UBND',
      issueDate: '2022-01-11',
      docType: 'Kế hoạch',
    });
  });

  it('reads a công văn with its V/v line', () => {
    const text = ['UBND HUYỆN ĐÔNG TRIỀU', 'Số: 305/UBND-VP', 'V/v triển khai dịch vụ công trực tuyến', 'Đông Triều, ngày 02 tháng 3 năm 2024', 'Kính gửi: Các phòng, ban'].join('\n');
    expect(recogniseFromText(text)).toMatchObject({
      docType: 'Công văn',
      docNumber: '305',
      docSymbol: 'UBND-VP',
      issueDate: '2024-03-02',
      summary: 'Triển khai dịch vụ công trực tuyến',
      issuer: 'UBND HUYỆN ĐÔNG TRIỀU',
    });
  });

  it('reads a text layer written without diacritics (old fonts)', () => {
    const text = ['UY BAN NHAN DAN TINH BAC NINH', 'So: 123/QD-UBND Bac Ninh, ngay 5 thang 2 nam 2024', 'QUYET DINH', 'Ve viec ban hanh Ke hoach CCHC nam 2024'].join('\n');
    expect(recogniseFromText(text)).toMatchObject({ docType: 'Quyết định', docNumber: '123', docSymbol: 'QĐ-UBND', issueDate: '2024-02-05', period: '2024' });
  });

  it('prefers the page over the name and says where each value came from', () => {
    const s = recogniseMetadata('KH 99-KH-UBND cai cach.pdf', HEADER_PLAN);
    expect(s.docNumber).toEqual({ value: '47', from: 'text' });
    expect(s.docSymbol).toEqual({ value: 'KH-SNV', from: 'text' });
    const nameOnly = recogniseMetadata('KH 99-KH-UBND cai cach hanh chinh.pdf', '');
    expect(nameOnly.docNumber).toEqual({ value: '99', from: 'name' });
    expect(nameOnly.summary).toEqual({ value: 'Cai cach hanh chinh', from: 'name' });
  });
});
