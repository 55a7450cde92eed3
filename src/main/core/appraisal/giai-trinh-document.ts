import type { AppraisalView } from '../../../shared/contract/appraisal';
import type { UnitProfile } from '../../../shared/contract/profile';
import { signedPointsText } from '../../../shared/criteria/scale-parts';
import { foldVietnamese, formatDateVi, formatPointsVi, todayInVietnam, toNfc } from '../../../shared/text/vi';
import type { Block, Decree30Document, TableCell } from '../reporting/document-model';
import type { LinkedEvidence } from './evidence-access';
import { reportingAccess } from './reporting-access';

/**
 * Văn bản giải trình: the unit's answer to Sở Nội vụ's first appraisal, a Decree-30 báo cáo with
 * "Kính gửi: Sở Nội vụ" and the table STT | Tiêu chí | Điểm tự chấm | Điểm thẩm định lần 1 | Nội
 * dung giải trình | Tài liệu bổ sung, one row per item the council asked about or cut.
 */

export interface GiaiTrinhInput {
  profile: UnitProfile;
  view: AppraisalView;
  /** Tài liệu bổ sung per item code. */
  evidence: Readonly<Record<string, readonly LinkedEvidence[]>>;
  isoDate: string;
}

export function giaiTrinhSummary(year: number): string {
  return `Giải trình, bổ sung tài liệu kiểm chứng theo kết quả thẩm định lần 1 Chỉ số cải cách hành chính năm ${year}`;
}

/** Shown where the officer has not written the giải trình of an item; the pre-submit check looks for it. */
export const NO_GIAI_TRINH = '(Chưa có nội dung giải trình.)';

function evidenceText(list: readonly LinkedEvidence[]): string {
  return list
    .map((e) => {
      const number = reportingAccess.evidenceNumber(e);
      const date = e.issueDate ? ` ngày ${formatDateVi(e.issueDate)}` : '';
      const summary = e.summary ? `: ${e.summary}` : '';
      return toNfc(`${number}${date}${summary}`);
    })
    .join(';\n');
}

export function buildGiaiTrinhDocument(input: GiaiTrinhInput): Decree30Document {
  const { profile, view } = input;
  const unit = toNfc(profile.name);
  const appraiser = appraiserOf(profile);
  const round1 = view.rounds.find((r) => r.round === 1);
  const items = view.items.filter((i) => view.toExplain.includes(i.code));
  const rows: TableCell[][] = items.map((item, n) => {
    const self = item.selfPoints === null ? '—' : signedPointsText(item.selfPoints, item.kind);
    const appraised = item.round1 ? signedPointsText(item.round1.effective, item.kind) : '';
    const text = item.giaiTrinh.text.trim() || NO_GIAI_TRINH;
    const note = item.round1?.note ? `\nÝ kiến thẩm định: ${toNfc(item.round1.note)}` : '';
    return [
      String(n + 1),
      `${item.code}. ${toNfc(item.title)} (tối đa ${formatPointsVi(item.maxPoints)} điểm)${note}`,
      self,
      appraised,
      toNfc(text),
      evidenceText(input.evidence[item.code] ?? []) || 'Không',
    ];
  });
  const table: Block = {
    type: 'table',
    fontSizePt: 12,
    columns: [
      { title: 'STT', width: 1.1, align: 'center' },
      { title: 'Tiêu chí', width: 3.9 },
      { title: 'Điểm tự chấm', width: 1.4, align: 'right' },
      { title: 'Điểm thẩm định lần 1', width: 1.6, align: 'right' },
      { title: 'Nội dung giải trình', width: 5 },
      { title: 'Tài liệu bổ sung', width: 3 },
    ],
    rows,
  };
  const received = round1 ? ` (nhận ngày ${formatDateVi(todayInVietnam(new Date(round1.importedAt)))})` : '';
  const body: Block[] = [
    {
      type: 'paragraph',
      runs: [
        `Căn cứ kết quả thẩm định lần 1 Chỉ số cải cách hành chính năm ${view.year} của Sở Nội vụ${received}, ` +
          `${unit} giải trình, bổ sung tài liệu kiểm chứng đối với ${items.length} tiêu chí, tiêu chí thành phần như sau:`,
      ],
    },
    items.length ? table : { type: 'paragraph', runs: [{ text: 'Không có tiêu chí nào cần giải trình.', italic: true }] },
    {
      type: 'paragraph',
      runs: [`${unit} kính đề nghị ${appraiser} xem xét, thẩm định lại điểm các tiêu chí nêu trên./.`],
    },
  ];
  const header = reportingAccess.headerFromProfile(profile, { summary: giaiTrinhSummary(view.year), isoDate: input.isoDate });
  return { header: { ...header, kinhGui: [appraiser] }, body };
}

/**
 * Who appraises: Sở Nội vụ of the province; when the unit is Sở Nội vụ itself, the province's
 * appraisal council (Hội đồng thẩm định), which it does not chair for its own score.
 */
export function appraiserOf(profile: UnitProfile): string {
  const province = reportingAccess.provinceInText(profile.province);
  const homeAffairs = profile.unitType === 'so' && foldVietnamese(profile.name).includes('noi vu');
  return homeAffairs ? `Hội đồng thẩm định Chỉ số cải cách hành chính ${province}` : `Sở Nội vụ ${province}`;
}
