import { formatDateVi, formatNumberVi, formatPointsVi } from '../text/vi';
import type { CriteriaItem } from './format';

const p = (n: number) => `${formatPointsVi(n)} điểm`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pct = (n: number) => `${formatNumberVi(n, n % 1 === 0 ? 0 : 2)}%`;

/**
 * An item's scoring rule as the officer would read it in the decision ("Có: 2,00 điểm; Không:
 * 0,00 điểm"), for browsing a set without scoring it. Who scores it and «Không áp dụng» are said too.
 */
export function ruleInWords(item: CriteriaItem): string {
  if (item.assessedBy === 'appraisal') return 'Do cơ quan thẩm định chấm.';
  if (item.assessedBy === 'survey') return 'Chấm qua điều tra xã hội học.';
  const rule = item.scoring;
  if (!rule) return item.children.length > 0 ? 'Tổng điểm các tiêu chí con, tối đa bằng điểm tối đa.' : 'Chưa có cách tính điểm.';
  let text: string;
  switch (rule.type) {
    case 'yes-no':
      text = `Có: ${p(rule.yesPoints ?? item.maxPoints)}; Không: ${p(rule.noPoints)}.`;
      break;
    case 'choice':
      text = `${rule.options.map((o) => `${o.label}: ${p(o.points)}`).join('; ')}.`;
      break;
    case 'percent': {
      const input = rule.input === 'ratio' && rule.numeratorLabel && rule.denominatorLabel ? `Tỷ lệ = ${rule.numeratorLabel} / ${rule.denominatorLabel}. ` : 'Nhập tỷ lệ %. ';
      text =
        rule.mode === 'proportional'
          ? `${input}Điểm = điểm tối đa × tỷ lệ.`
          : `${input}${capital((rule.thresholds ?? []).map((th) => `từ ${pct(th.minPercent)} trở lên: ${p(th.points)}`).join('; '))}; thấp hơn: 0 điểm.`;
      break;
    }
    case 'count': {
      const unit = rule.unitLabel ?? 'đơn vị';
      text =
        rule.mode === 'per-unit'
          ? `Mỗi ${unit}: ${p(rule.pointsEach ?? 0)}, tối đa ${p(item.maxPoints)}.`
          : `${capital((rule.thresholds ?? []).map((th) => `từ ${th.min} ${unit} trở lên: ${p(th.points)}`).join('; '))}; ít hơn: 0 điểm.`;
      break;
    }
    case 'deadline':
      text = `Đúng hạn (đến ${formatDateVi(rule.deadline)}): ${p(rule.onTimePoints ?? item.maxPoints)}; trễ hạn: ${p(rule.latePoints)}; không thực hiện: ${p(rule.missingPoints)}.`;
      break;
    case 'manual':
      text = `Đơn vị tự cho điểm từ 0 đến ${p(item.maxPoints)} và thuyết minh cách tính.`;
      break;
  }
  if (item.kind === 'penalty') text = `Điểm trừ. ${text}`;
  if (item.kind === 'bonus') text = `Điểm thưởng. ${text}`;
  if (item.notApplicable?.allowed) {
    text += item.notApplicable.effect === 'full-points' ? ' Được chọn «Không áp dụng» (tính đủ điểm).' : ' Được chọn «Không áp dụng» (không tính vào điểm tối đa).';
  }
  return text;
}
