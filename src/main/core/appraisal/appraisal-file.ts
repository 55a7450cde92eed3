import type { AppraisalFileError, AppraisalRound } from '../../../shared/contract/appraisal';
import { ITEM_CODE_PATTERN, type CriteriaItem, type CriteriaSet } from '../../../shared/criteria/format';
import { flattenItems } from '../../../shared/criteria/tree';
import { isSurveyShareCode, SET_SURVEY_CODE, surveyShares } from '../../../shared/criteria/survey-shares';
import { foldVietnamese, formatPointsVi, isIsoDate } from '../../../shared/text/vi';

/**
 * An appraisal file from Sở Nội vụ (docs/appraisal-format.md), checked in full before anything is
 * saved: every problem is listed at once with where it is (a JSON path, or Sheet!Cell for Excel).
 *
 * {"formatVersion":1,"kind":"appraisal","year":2026,"unit":"STP","round":1,
 *  "responseDeadline":"2027-01-15","final":false,
 *  "items":[{"code":"1.1.1","points":0.5,"note":"…","requestExplanation":true}]}
 *
 * `points` null or absent: the self-score is recognised as it is. Items may be self-scored,
 * appraisal-only or survey (XHH) leaves. The template's informational fields (title, maxPoints,
 * selfPoints, assessedBy) are accepted and ignored.
 */

export const APPRAISAL_FORMAT_VERSION = 1;
export const MAX_NOTE_CHARS = 4000;

export interface AppraisalFileItem {
  code: string;
  points: number | null;
  note: string;
  requestExplanation: boolean;
}

export interface AppraisalFile {
  year: number;
  unit: string;
  round: AppraisalRound;
  final: boolean;
  responseDeadline: string | null;
  items: AppraisalFileItem[];
}

export interface AppraisalTarget {
  /** The year being imported into (the working year), when the caller fixes one. */
  year?: number;
  /** The unit's short name for the file's year (ký hiệu: STP, SNV). */
  unitShortNameOf(year: number): string | null;
  /** The year's criteria set, or null when the year has no assessment. */
  setOf(year: number): CriteriaSet | null;
  /** Whether round 1 of the year is already in (round 2 needs it). */
  hasRound1(year: number): boolean;
}

export type AppraisalCheck = { ok: true; file: AppraisalFile } | { ok: false; errors: AppraisalFileError[] };

const ROOT_KEYS = new Set(['formatVersion', 'kind', 'year', 'unit', 'round', 'responseDeadline', 'final', 'items']);
const ITEM_KEYS = new Set(['code', 'points', 'note', 'requestExplanation', 'title', 'maxPoints', 'selfPoints', 'assessedBy']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed file against the year's set. `where` maps a JSON path to what the reader shows (a cell). */
export function checkAppraisal(raw: unknown, target: AppraisalTarget, where: (path: string) => string = (p) => p): AppraisalCheck {
  const errors: AppraisalFileError[] = [];
  const add = (path: string, message: string) => errors.push({ where: where(path), message });
  if (!isObject(raw)) return { ok: false, errors: [{ where: '(tệp)', message: 'Tệp kết quả thẩm định phải là một đối tượng JSON { … }.' }] };

  for (const key of Object.keys(raw)) if (!ROOT_KEYS.has(key)) add(key, `Trường «${key}» không có trong định dạng tệp kết quả thẩm định.`);
  if (raw.formatVersion !== APPRAISAL_FORMAT_VERSION) add('formatVersion', `Phiên bản định dạng phải là ${APPRAISAL_FORMAT_VERSION}.`);
  if (raw.kind !== 'appraisal') add('kind', 'Trường «kind» phải là "appraisal": đây không phải tệp kết quả thẩm định.');

  let year: number | null = null;
  if (typeof raw.year !== 'number' || !Number.isInteger(raw.year)) add('year', 'Năm đánh giá phải là số nguyên, ví dụ 2026.');
  else if (target.year !== undefined && raw.year !== target.year) add('year', `Tệp là kết quả thẩm định năm ${raw.year}, không phải năm ${target.year} đang làm việc.`);
  else year = raw.year;

  const set = year !== null ? target.setOf(year) : null;
  if (year !== null && !set) add('year', `Chưa có bản tự đánh giá năm ${year} trên máy này nên chưa nhập được kết quả thẩm định.`);

  if (typeof raw.unit !== 'string' || !raw.unit.trim()) add('unit', 'Thiếu tên viết tắt của đơn vị («unit»), ví dụ "STP".');
  else if (year !== null) {
    const own = target.unitShortNameOf(year);
    if (own && foldVietnamese(own.trim()) !== foldVietnamese(raw.unit.trim())) {
      add('unit', `Tệp là kết quả thẩm định của đơn vị «${raw.unit.trim()}», không phải của đơn vị «${own}».`);
    }
  }

  const round = raw.round === 1 || raw.round === 2 ? raw.round : null;
  if (round === null) add('round', 'Lần thẩm định («round») phải là 1 hoặc 2.');
  else if (round === 2 && year !== null && set && !target.hasRound1(year)) add('round', 'Chưa nhập kết quả thẩm định lần 1 nên chưa nhập được lần 2.');

  let responseDeadline: string | null = null;
  if (raw.responseDeadline !== undefined && raw.responseDeadline !== null) {
    if (typeof raw.responseDeadline !== 'string' || !isIsoDate(raw.responseDeadline)) add('responseDeadline', 'Hạn gửi giải trình phải là ngày có thật dạng yyyy-mm-dd.');
    else responseDeadline = raw.responseDeadline;
  }
  if (raw.final !== undefined && typeof raw.final !== 'boolean') add('final', '«final» phải là true hoặc false.');

  const items: AppraisalFileItem[] = [];
  if (!Array.isArray(raw.items)) add('items', 'Thiếu danh sách tiêu chí («items»).');
  else if (raw.items.length === 0) add('items', 'Danh sách tiêu chí («items») đang trống.');
  else {
    const leaves = new Map<string, CriteriaItem>();
    const parents = new Set<string>();
    if (set) {
      for (const { item } of flattenItems(set)) {
        if (item.children.length) parents.add(item.code);
        else leaves.set(item.code, item);
      }
    }
    // Declared XHH shares ("1.XHH", "XHH") take points like a survey leaf of their maximum.
    const shares = new Map<string, CriteriaItem>(
      set ? surveyShares(set).map((s) => [s.code, { code: s.code, title: s.title, kind: 'normal', maxPoints: s.maxPoints, assessedBy: 'survey', guidance: '', evidenceRequired: '', children: [] }]) : [],
    );
    const seen = new Map<string, number>();
    raw.items.forEach((entry: unknown, i: number) => {
      const at = (field?: string) => `items[${i}]${field ? `.${field}` : ''}`;
      if (!isObject(entry)) return add(at(), 'Mỗi tiêu chí phải là một đối tượng { "code": …, "points": … }.');
      for (const key of Object.keys(entry)) if (!ITEM_KEYS.has(key)) add(at(key), `Trường «${key}» không có trong định dạng.`);
      const code = typeof entry.code === 'string' ? entry.code.trim() : '';
      let item: CriteriaItem | undefined;
      const share = set && isSurveyShareCode(code) ? shares.get(code) : undefined;
      if (share && !seen.has(code)) item = share;
      else if (set && isSurveyShareCode(code) && !seen.has(code)) add(at('code'), shareMissing(code, year));
      else if (!ITEM_CODE_PATTERN.test(code) && !isSurveyShareCode(code)) add(at('code'), `Mã tiêu chí «${String(entry.code ?? '')}» không đúng dạng 1, 1.2 hoặc 1.2.3.`);
      else if (seen.has(code)) add(at('code'), `Mã tiêu chí ${code} bị trùng với dòng thứ ${seen.get(code)! + 1}.`);
      else if (set && parents.has(code)) add(at('code'), `${code} là tiêu chí có tiêu chí con: chỉ ghi điểm cho tiêu chí con (tiêu chí lá).`);
      else if (set && !leaves.has(code)) add(at('code'), `Bộ chỉ số năm ${year} không có tiêu chí ${code}.`);
      else item = leaves.get(code);
      if ((ITEM_CODE_PATTERN.test(code) || isSurveyShareCode(code)) && !seen.has(code)) seen.set(code, i);

      let points: number | null = null;
      if (entry.points !== undefined && entry.points !== null) {
        if (typeof entry.points !== 'number' || !Number.isFinite(entry.points)) add(at('points'), `Điểm của tiêu chí ${code || i + 1} phải là một số.`);
        else if (entry.points < 0) add(at('points'), `Điểm của tiêu chí ${code} không được âm (điểm trừ ghi số điểm bị trừ, ví dụ 1).`);
        else if (item && entry.points > item.maxPoints + 1e-9) add(at('points'), `Điểm ${formatPointsVi(entry.points)} của tiêu chí ${code} vượt điểm tối đa ${formatPointsVi(item.maxPoints)}.`);
        else points = entry.points;
      }
      let note = '';
      if (entry.note !== undefined && entry.note !== null) {
        if (typeof entry.note !== 'string') add(at('note'), 'Ghi chú phải là văn bản.');
        else if (entry.note.length > MAX_NOTE_CHARS) add(at('note'), `Ghi chú của tiêu chí ${code} dài quá ${MAX_NOTE_CHARS} ký tự.`);
        else note = entry.note.normalize('NFC').trim();
      }
      if (entry.requestExplanation !== undefined && typeof entry.requestExplanation !== 'boolean') add(at('requestExplanation'), '«requestExplanation» phải là true hoặc false.');
      // A note without an explicit flag is a request for explanation: that is what the council writes it for.
      // An XHH share is the survey's result, not the council's judgement of the unit: nothing to explain.
      const requestExplanation = share ? false : typeof entry.requestExplanation === 'boolean' ? entry.requestExplanation : note !== '';
      if (item) items.push({ code, points, note, requestExplanation });
    });
  }

  if (errors.length || year === null || round === null) return { ok: false, errors };
  return {
    ok: true,
    file: { year, unit: String(raw.unit).trim(), round, final: raw.final === true, responseDeadline, items },
  };
}

/** Why a share line ("1.XHH", "XHH") has nowhere to go in the year's set. */
function shareMissing(code: string, year: number | null): string {
  if (code === SET_SURVEY_CODE) return `Bộ chỉ số năm ${year} không khai báo phần điểm XHH chung nên không có dòng ${code}.`;
  const domain = code.slice(0, -(SET_SURVEY_CODE.length + 1));
  return `Bộ chỉ số năm ${year} không khai báo phần điểm XHH cho lĩnh vực ${domain} nên không có dòng ${code}.`;
}
