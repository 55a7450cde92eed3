import { LAST_DISTRICT_YEAR } from '../../../shared/contract/profile';
import { foldVietnamese, formatNumberVi, formatPointsVi } from '../../../shared/text/vi';
import { codeSegments } from './codes';
import { formatPath, type CriteriaError, type PathSegment } from './criteria-error';
import { ITEM_CODE_PATTERN } from '../../../shared/criteria/format';

/**
 * The cross-field rules zod cannot express. They run on the raw input even when zod has already
 * found problems, reading each field defensively, so the author sees every error in one pass.
 */

type Loose = Record<string, unknown>;
const EPS = 1e-9;
const MAX_DEPTH = 4;

const asObject = (v: unknown): Loose | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : null);
const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const asArray = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : null);
const asCode = (v: unknown): string | null => (typeof v === 'string' && ITEM_CODE_PATTERN.test(v.trim()) ? v.trim() : null);
const kindOf = (item: Loose): string => (typeof item.kind === 'string' ? item.kind : 'normal');
const assessedByOf = (item: Loose): string => (typeof item.assessedBy === 'string' ? item.assessedBy : 'self');
const pts = (n: number) => formatPointsVi(n);

interface Parent {
  code: string | null;
  assessedBy: string;
}

class Checker {
  readonly errors: CriteriaError[] = [];
  private readonly seen = new Map<string, string>();

  add(path: readonly PathSegment[], message: string): void {
    this.errors.push({ where: formatPath(path), message });
  }

  checkSet(raw: unknown): void {
    const set = asObject(raw);
    if (!set) return;
    if (set.unitType === 'ubnd-huyen' && typeof set.year === 'number' && set.year > LAST_DISTRICT_YEAR) {
      this.add(['unitType'], `Loại đơn vị «UBND cấp huyện» chỉ dùng cho năm ${LAST_DISTRICT_YEAR} trở về trước (từ 2025 không còn cấp huyện).`);
    }
    this.checkBands(asArray(set.bands));
    const domains = asArray(set.domains);
    if (!domains) return;
    this.checkSiblings(domains, ['domains'], null, null);
    const setShare = asNumber(asObject(set.survey)?.maxPoints);
    const scaleMax = asNumber(asObject(set.scale)?.max);
    this.checkDomainTotals(domains, scaleMax, setShare);
    this.checkSurveyShares(domains, setShare);
  }

  /**
   * XHH shares (criteria format `survey`): declared on the set or on a normal domain, instead of
   * survey leaves, never both for the same part, so no survey point is counted twice.
   */
  private checkSurveyShares(domains: unknown[], setShare: number | null): void {
    const surveyLeaves = (item: Loose): string[] => {
      const children = asArray(item.children) ?? [];
      if (children.length === 0) return assessedByOf(item) === 'survey' && typeof item.code === 'string' ? [item.code] : [];
      return children.flatMap((c) => (asObject(c) ? surveyLeaves(asObject(c)!) : []));
    };
    const allLeaves: string[] = [];
    domains.forEach((d, i) => {
      const domain = asObject(d);
      if (!domain) return;
      const leaves = surveyLeaves(domain);
      allLeaves.push(...leaves);
      const share = asNumber(asObject(domain.survey)?.maxPoints);
      if (share === null) return;
      const label = `Lĩnh vực ${typeof domain.code === 'string' ? domain.code : i + 1}`;
      const path: PathSegment[] = ['domains', i, 'survey', 'maxPoints'];
      if (kindOf(domain) !== 'normal') {
        this.add(path, `${label} là lĩnh vực điểm ${kindOf(domain) === 'bonus' ? 'thưởng' : 'trừ'}: phần điểm XHH chỉ khai báo ở lĩnh vực loại «thường».`);
        return;
      }
      if (leaves.length > 0) {
        this.add(path, `${label} vừa khai báo phần điểm XHH (${pts(share)}) vừa có tiêu chí đánh giá qua điều tra XHH (${leaves.join(', ')}): chỉ dùng một cách, để điểm XHH không bị tính hai lần.`);
      }
      const max = asNumber(domain.maxPoints);
      if (max === null) return;
      if (share > max + EPS) {
        this.add(path, `${label}: phần điểm XHH (${pts(share)}) vượt điểm tối đa của lĩnh vực (${pts(max)}).`);
        return;
      }
      let childSum = 0;
      for (const c of asArray(domain.children) ?? []) {
        const m = asNumber(asObject(c)?.maxPoints);
        if (m === null) return;
        childSum += m;
      }
      if (childSum <= max + EPS && childSum + share > max + EPS) {
        this.add(path, `${label}: tổng điểm tối đa các tiêu chí (${pts(childSum)}) cộng phần điểm XHH (${pts(share)}) vượt điểm tối đa của lĩnh vực (${pts(max)}).`);
      }
    });
    if (setShare !== null && allLeaves.length > 0) {
      this.add(['survey', 'maxPoints'], `Bộ chỉ số vừa khai báo phần điểm XHH chung (${pts(setShare)}) vừa có tiêu chí đánh giá qua điều tra XHH (${allLeaves.join(', ')}): chỉ dùng một cách, để điểm XHH không bị tính hai lần.`);
    }
  }

  private checkBands(bands: unknown[] | null): void {
    if (!bands || bands.length === 0) return; // zod reports a missing list
    const names = new Map<string, number>();
    let previous: number | null = null;
    bands.forEach((b, i) => {
      const band = asObject(b);
      if (!band) return;
      if (typeof band.name === 'string' && band.name.trim()) {
        const key = foldVietnamese(band.name.trim());
        const first = names.get(key);
        if (first !== undefined) this.add(['bands', i, 'name'], `Xếp loại «${band.name.trim()}» bị trùng tên với xếp loại thứ ${first + 1}.`);
        else names.set(key, i);
      }
      const min = asNumber(band.minPercent);
      if (min === null) return;
      if (previous !== null && min >= previous - EPS) {
        this.add(['bands', i, 'minPercent'], `Xếp loại phải sắp từ cao xuống thấp: mức thứ ${i + 1} (từ ${formatNumberVi(min)}%) không thấp hơn mức phía trên (từ ${formatNumberVi(previous)}%).`);
      }
      previous = min;
    });
    // Without a 0 % band, a result below the lowest band is "Chưa xếp loại" (real decisions do this).
  }

  private checkDomainTotals(domains: unknown[], scaleMax: number | null, setShare: number | null = null): void {
    let sum = 0;
    let normalCount = 0;
    let allNumbers = true;
    for (const d of domains) {
      const domain = asObject(d);
      if (!domain || kindOf(domain) !== 'normal') continue;
      normalCount++;
      const max = asNumber(domain.maxPoints);
      if (max === null) allNumbers = false;
      else sum += max;
    }
    if (normalCount === 0) {
      this.add(['domains'], 'Bộ chỉ số phải có ít nhất một lĩnh vực loại «thường» (không phải thưởng hay trừ).');
      return;
    }
    if (!allNumbers || scaleMax === null) return;
    if (setShare !== null) {
      // A set-level XHH share takes its part of the scale; the normal domains make the rest.
      const total = sum + setShare;
      if (Math.abs(total - scaleMax) > EPS) {
        const gap = total > scaleMax ? `thừa ${pts(total - scaleMax)} điểm` : `thiếu ${pts(scaleMax - total)} điểm`;
        this.add(['domains'], `Tổng điểm tối đa các lĩnh vực (${pts(sum)}) cộng phần điểm XHH chung (${pts(setShare)}) là ${pts(total)}, khác điểm tối đa của thang điểm (${pts(scaleMax)}), ${gap}.`);
      }
      return;
    }
    if (sum > scaleMax + EPS) {
      this.add(['domains'], `Tổng điểm tối đa các lĩnh vực (${pts(sum)}) vượt điểm tối đa của thang điểm (${pts(scaleMax)}), thừa ${pts(sum - scaleMax)} điểm.`);
    } else if (sum < scaleMax - EPS) {
      this.add(['domains'], `Tổng điểm tối đa các lĩnh vực (${pts(sum)}) thấp hơn điểm tối đa của thang điểm (${pts(scaleMax)}), thiếu ${pts(scaleMax - sum)} điểm.`);
    }
  }

  /** Checks a list of siblings (domains, or one item's children) and recurses into each. */
  private checkSiblings(list: unknown[], path: PathSegment[], parent: Parent | null, domainKind: string | null): void {
    let previousCode: string | null = null;
    list.forEach((entry, i) => {
      const item = asObject(entry);
      if (!item) return;
      const itemPath = [...path, i];
      const code = asCode(item.code);
      // The item's effective kind: its own bonus/penalty, or else its content's.
      const kind = kindOf(item) !== 'normal' ? kindOf(item) : (domainKind ?? 'normal');
      this.checkItem(item, itemPath, code, parent, kind);
      if (code && previousCode) {
        const a = codeSegments(previousCode).at(-1) ?? 0;
        const b = codeSegments(code).at(-1) ?? 0;
        // b === a is a duplicate code, reported once above rather than also as an ordering error.
        if (codeSegments(previousCode).length === codeSegments(code).length && b < a) {
          this.add([...itemPath, 'code'], `Tiêu chí ${code} đứng sau ${previousCode}: các mục cùng cấp phải sắp theo mã tăng dần.`);
        }
      }
      if (code) previousCode = code;
    });
  }

  private checkItem(item: Loose, path: PathSegment[], code: string | null, parent: Parent | null, domainKind: string): void {
    const label = code ? `Tiêu chí ${code}` : 'Tiêu chí chưa có mã hợp lệ';
    if (code) {
      const first = this.seen.get(code);
      if (first) this.add([...path, 'code'], `Mã tiêu chí ${code} bị trùng (đã dùng tại ${first}).`);
      else this.seen.set(code, formatPath(path));
      const depth = codeSegments(code).length;
      if (!parent && depth !== 1) {
        this.add([...path, 'code'], `Lĩnh vực ${code} phải có mã một cấp (1, 2, 3…); mã nhiều cấp chỉ dùng cho tiêu chí con.`);
      } else if (parent?.code) {
        const prefix = `${parent.code}.`;
        if (!code.startsWith(prefix)) {
          this.add([...path, 'code'], `${label} nằm trong tiêu chí ${parent.code} nên mã phải bắt đầu bằng «${prefix}».`);
        } else if (depth !== codeSegments(parent.code).length + 1) {
          this.add([...path, 'code'], `${label} phải thấp hơn tiêu chí ${parent.code} đúng một cấp (dạng ${prefix}1, ${prefix}2…).`);
        }
      }
      if (depth > MAX_DEPTH) this.add([...path, 'code'], `${label} lồng quá ${MAX_DEPTH} cấp.`);
    }

    if (parent && item.declaredCounts !== undefined) {
      this.add([...path, 'declaredCounts'], `${label}: số tiêu chí theo quyết định (declaredCounts) chỉ khai báo ở lĩnh vực.`);
    }
    if (parent && item.survey !== undefined) {
      this.add([...path, 'survey'], `${label}: phần điểm XHH (survey) chỉ khai báo ở lĩnh vực hoặc cả bộ chỉ số; ở cấp tiêu chí hãy dùng tiêu chí «điều tra XHH».`);
    }
    // A sub-item may be a bonus or a deduction inside a content of another kind (one content holding
    // both bonus and penalty lines); it then counts on its own, outside its parent's points and maximum.
    const assessedBy = assessedByOf(item);
    if (parent && parent.assessedBy !== 'self' && assessedBy === 'self') {
      this.add([...path, 'assessedBy'], `${label} là tiêu chí tự chấm nhưng tiêu chí cha ${parent.code ?? ''} không do đơn vị tự chấm.`);
    }

    const max = asNumber(item.maxPoints);
    const children = asArray(item.children) ?? [];
    if (children.length > 0) {
      if (item.scoring !== undefined) {
        this.add([...path, 'scoring'], `${label} có tiêu chí con nên không được có cách tính điểm riêng (điểm của nó là tổng điểm các tiêu chí con).`);
      }
      if (item.notApplicable !== undefined) {
        this.add([...path, 'notApplicable'], `${label} có tiêu chí con: «Không áp dụng» chỉ khai báo ở tiêu chí con (tiêu chí lá).`);
      }
      if (domainKind === 'normal' && max !== null) this.checkChildrenSum(children, path, label, max);
      this.checkSiblings(children, [...path, 'children'], { code, assessedBy }, domainKind);
      return;
    }
    if (item.scoring === undefined) {
      if (assessedBy === 'self') {
        this.add([...path, 'scoring'], `${label} là tiêu chí lá do đơn vị tự chấm nhưng chưa có cách tính điểm.`);
      }
      return;
    }
    const rule = asObject(item.scoring);
    if (rule && max !== null) this.checkRule(rule, [...path, 'scoring'], label, max);
  }

  private checkChildrenSum(children: unknown[], path: PathSegment[], label: string, max: number): void {
    let sum = 0;
    for (const c of children) {
      // Bonus and penalty sub-items have their own caps, outside the parent's maximum.
      if (asObject(c) && kindOf(asObject(c)!) !== 'normal') continue;
      const m = asNumber(asObject(c)?.maxPoints);
      if (m === null) return;
      sum += m;
    }
    if (sum > max + EPS) {
      this.add([...path, 'maxPoints'], `${label}: tổng điểm tối đa các tiêu chí con (${pts(sum)}) vượt điểm tối đa của nó (${pts(max)}).`);
    }
  }

  private checkRule(rule: Loose, path: PathSegment[], label: string, max: number): void {
    const notAbove = (field: string, what: string) => {
      const v = asNumber(rule[field]);
      if (v !== null && v > max + EPS) this.add([...path, field], `${label}: ${what} (${pts(v)}) vượt điểm tối đa (${pts(max)}).`);
    };
    switch (rule.type) {
      case 'yes-no':
        notAbove('yesPoints', 'điểm khi «Có»');
        notAbove('noPoints', 'điểm khi «Không»');
        break;
      case 'deadline':
        notAbove('onTimePoints', 'điểm đúng hạn');
        notAbove('latePoints', 'điểm trễ hạn');
        notAbove('missingPoints', 'điểm khi không thực hiện');
        break;
      case 'choice': {
        const ids = new Set<string>();
        (asArray(rule.options) ?? []).forEach((o, i) => {
          const option = asObject(o);
          if (!option) return;
          const p = asNumber(option.points);
          if (p !== null && p > max + EPS) {
            this.add([...path, 'options', i, 'points'], `${label}: mức «${String(option.label ?? i + 1)}» có ${pts(p)} điểm, vượt điểm tối đa (${pts(max)}).`);
          }
          if (typeof option.id === 'string') {
            if (ids.has(option.id)) this.add([...path, 'options', i, 'id'], `${label}: mã mức lựa chọn «${option.id}» bị trùng.`);
            ids.add(option.id);
          }
        });
        break;
      }
      case 'percent':
        if (rule.mode === 'thresholds') this.checkThresholds(rule, path, label, max, 'minPercent', '%');
        break;
      case 'count':
        if (rule.mode === 'thresholds') this.checkThresholds(rule, path, label, max, 'min', '');
        if (rule.mode === 'per-unit' && rule.pointsEach === undefined) {
          this.add([...path, 'pointsEach'], `${label}: tính theo từng đơn vị nhưng chưa có «điểm mỗi đơn vị».`);
        }
        break;
      default:
        break;
    }
  }

  private checkThresholds(rule: Loose, path: PathSegment[], label: string, max: number, key: string, unit: string): void {
    const list = asArray(rule.thresholds);
    if (!list || list.length === 0) {
      this.add([...path, 'thresholds'], `${label}: tính theo ngưỡng nhưng chưa khai báo ngưỡng nào.`);
      return;
    }
    let previous: number | null = null;
    list.forEach((t, i) => {
      const threshold = asObject(t);
      if (!threshold) return;
      const at = asNumber(threshold[key]);
      const p = asNumber(threshold.points);
      if (p !== null && p > max + EPS) {
        this.add([...path, 'thresholds', i, 'points'], `${label}: ngưỡng thứ ${i + 1} cho ${pts(p)} điểm, vượt điểm tối đa (${pts(max)}).`);
      }
      if (at === null) return;
      if (previous !== null && at >= previous) {
        this.add([...path, 'thresholds', i, key], `${label}: các ngưỡng phải sắp từ cao xuống thấp, không trùng nhau (ngưỡng thứ ${i + 1}: ${formatNumberVi(at)}${unit} không thấp hơn ngưỡng trước: ${formatNumberVi(previous)}${unit}).`);
      }
      previous = at;
    });
  }
}

export function semanticErrors(raw: unknown): CriteriaError[] {
  const checker = new Checker();
  checker.checkSet(raw);
  return checker.errors;
}
