import { createHash } from 'node:crypto';
import {
  giaiTrinhSubjectKey,
  type AppraisalHistoryRow,
  type AppraisalImportResult,
  type AppraisalItemView,
  type AppraisalRound,
  type AppraisalRoundInfo,
  type AppraisalRoundItem,
  type AppraisalView,
  type OfficialScore,
} from '../../../shared/contract/appraisal';
import type { AssessmentView } from '../../../shared/contract/assessment';
import type { ExportedFile } from '../../../shared/contract/criteria';
import { giaiTrinhTargetKey } from '../../../shared/contract/evidence';
import type { Answer } from '../../../shared/criteria/format';
import { roundPoints } from '../../../shared/criteria/index-math';
import { flattenItems } from '../../../shared/criteria/tree';
import { surveyShares } from '../../../shared/criteria/survey-shares';
import { subjectId } from '../../../shared/review-labels';
import { toNfc } from '../../../shared/text/vi';
import { actorLabel } from '../auth/session';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { getProfile } from '../profile/profile-store';
import { detectFormat } from '../criteria/import-file';
import { parentCode } from '../criteria/codes';
import { cellInWords } from '../criteria/issue-paths';
import { checkAppraisal, type AppraisalCheck } from './appraisal-file';
import {
  appraisedYears,
  getGiaiTrinh,
  listOutcomes,
  listRoundItems,
  listRounds,
  replaceRound,
  setRoundDeadline,
  upsertGiaiTrinh,
  upsertOutcome,
  type RoundRow,
} from './appraisal-store';
import { appraisalTemplateJson, templateData } from './appraisal-template';
import { SHEET as APPRAISAL_SHEET } from './appraisal-sheet';
import { assessmentAccess } from './assessment-access';
import { evidenceAccess } from './evidence-access';
import { officialScore, type RoundData } from './official-score';
import { reviewAccess } from './review-access';
import { loadOnFirstCall } from '../load-on-first-call';

// Loaded with its document library when first used (see load-on-first-call.ts).
const readAppraisalWorkbook = loadOnFirstCall(() => import('./appraisal-xlsx').then((m) => m.readAppraisalWorkbook));
const writeAppraisalTemplate = loadOnFirstCall(() => import('./appraisal-xlsx').then((m) => m.writeAppraisalTemplate));

/** The round a giải trình answers: Sở Nội vụ's first appraisal. */
export const GIAI_TRINH_ROUND: AppraisalRound = 1;

const MAX_LISTED_ERRORS = 50;

function requireView(ctx: CoreContext, year: number): AssessmentView {
  const view = assessmentAccess.getAssessmentView(ctx, year);
  if (!view) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${year}.`);
  return view;
}

function answersOf(view: AssessmentView): Record<string, Answer> {
  return Object.fromEntries(Object.values(view.entries).flatMap((e) => (e.answer ? [[e.code, e.answer]] : [])));
}

function roundsOf(ctx: CoreContext, year: number): { rows: RoundRow[]; data: RoundData[] } {
  const rows = listRounds(ctx.db, year);
  const data = rows.map((r) => ({ round: r.round, final: r.final === 1, items: new Map(listRoundItems(ctx.db, year, r.round).map((i) => [i.code, i])) }));
  return { rows, data };
}

function scoreFor(ctx: CoreContext, view: AssessmentView) {
  const { rows, data } = roundsOf(ctx, view.year);
  return { rows, data, score: officialScore({ set: view.set, answers: answersOf(view), selfScore: view.score, rounds: data }) };
}

/** The official score of a year: self, appraised, survey, index and band (`cchc assessment score --json`). */
export function getOfficialScore(ctx: CoreContext, year: number): OfficialScore {
  const { score } = scoreFor(ctx, requireView(ctx, year));
  const { parts: _parts, ...rest } = score;
  return rest;
}

function roundInfo(ctx: CoreContext, row: RoundRow): AppraisalRoundInfo {
  return {
    round: row.round,
    unit: row.unit,
    final: row.final === 1,
    responseDeadline: row.response_deadline,
    sourceName: row.source_name,
    importedAt: row.imported_at,
    importedBy: row.imported_by_name,
    itemCount: listRoundItems(ctx.db, row.year, row.round).length,
  };
}

export function getAppraisalView(ctx: CoreContext, year: number): AppraisalView | null {
  const view = assessmentAccess.getAssessmentView(ctx, year);
  if (!view) return null;
  const { rows, data, score } = scoreFor(ctx, view);
  const profile = getProfile(ctx.db, year);
  const giaiTrinh = getGiaiTrinh(ctx.db, year, GIAI_TRINH_ROUND);
  const leaves = flattenItems(view.set).filter((f) => f.item.children.length === 0);
  const keys = leaves.map((l) => giaiTrinhTargetKey(year, GIAI_TRINH_ROUND, l.item.code));
  const counts = evidenceAccess.countLinks(ctx.db, keys);
  // Round 1 alone gives what the giải trình answers; the latest rounds give what counts now.
  const afterRound1 = data.length ? officialScore({ set: view.set, answers: answersOf(view), selfScore: view.score, rounds: data.slice(0, 1) }).parts : null;
  const roundItem = (round: RoundData | undefined, code: string, effective: number | undefined): AppraisalRoundItem | null => {
    if (!round) return null;
    const stored = round.items.get(code);
    return { points: stored?.points ?? null, effective: effective ?? 0, note: stored?.note ?? '', explanationRequested: stored?.explanationRequested ?? false };
  };
  const round1 = data.find((d) => d.round === 1);
  const round2 = data.find((d) => d.round === 2);
  const items: AppraisalItemView[] = leaves.map(({ item, kind, domainCode }) => {
    const self = item.assessedBy === 'self' ? (view.score.items[item.code]?.points ?? 0) : null;
    const latest = score.parts?.leafPoints[item.code];
    let lost = 0;
    if (self !== null && latest !== undefined) lost = roundPoints(kind === 'penalty' ? latest - self : self - latest);
    const key = giaiTrinhTargetKey(year, GIAI_TRINH_ROUND, item.code);
    return {
      code: item.code,
      title: item.title,
      domainCode,
      kind,
      assessedBy: item.assessedBy,
      maxPoints: item.maxPoints,
      selfPoints: self,
      notApplicable: view.score.items[item.code]?.notApplicable ?? false,
      round1: roundItem(round1, item.code, afterRound1?.leafPoints[item.code]),
      round2: roundItem(round2, item.code, score.parts?.leafPoints[item.code]),
      lost,
      giaiTrinh: { text: giaiTrinh[item.code] ?? '', evidenceCount: counts[key] ?? 0, evidenceKey: key },
    };
  });
  // Declared XHH shares are listed like survey leaves, after them (nothing to explain on them).
  for (const share of surveyShares(view.set)) {
    items.push({
      code: share.code,
      title: share.title,
      domainCode: share.domainCode ?? '',
      kind: 'normal',
      assessedBy: 'survey',
      maxPoints: share.maxPoints,
      selfPoints: null,
      notApplicable: false,
      round1: roundItem(round1, share.code, afterRound1?.leafPoints[share.code]),
      round2: roundItem(round2, share.code, score.parts?.leafPoints[share.code]),
      lost: 0,
      giaiTrinh: { text: '', evidenceCount: 0, evidenceKey: giaiTrinhTargetKey(year, GIAI_TRINH_ROUND, share.code) },
    });
  }
  const toExplain = items
    .filter((i) => i.round1 && (i.round1.explanationRequested || (i.selfPoints !== null && (i.kind === 'penalty' ? i.round1.effective > i.selfPoints : i.round1.effective < i.selfPoints))))
    .map((i) => i.code);
  const domains = view.score.domains.map((d) => {
    const appraised = score.parts?.appraised.domains.find((x) => x.code === d.code);
    return { code: d.code, title: d.title, kind: d.kind, self: { points: d.points, max: d.max }, appraised: appraised ? { points: appraised.points, max: appraised.max } : null };
  });
  return {
    year,
    unit: profile?.shortName ?? '',
    setName: view.setName,
    rounds: rows.map((r) => roundInfo(ctx, r)),
    items,
    domains,
    score: { ...score, parts: undefined } as OfficialScore,
    toExplain,
    giaiTrinhKey: round1 ? giaiTrinhSubjectKey(year, GIAI_TRINH_ROUND) : null,
    history: historyRows(ctx),
  };
}

/** Index, band and rank across the years the machine holds (the assessment page shows them). */
export function historyRows(ctx: CoreContext): AppraisalHistoryRow[] {
  const outcomes = new Map(listOutcomes(ctx.db).map((o) => [o.year, o]));
  const years = [...new Set([...appraisedYears(ctx.db), ...outcomes.keys()])].sort((a, b) => a - b);
  return years.flatMap((year) => {
    const view = assessmentAccess.getAssessmentView(ctx, year);
    if (!view) return [];
    const { score } = scoreFor(ctx, view);
    const outcome = outcomes.get(year);
    return [{ year, index: score.index, band: score.band, provisional: score.provisional, rank: outcome?.rank ?? null, rankOf: outcome?.rank_of ?? null }];
  });
}

export async function appraisalTemplate(ctx: CoreContext, year: number, format: 'json' | 'xlsx', round: 1 | 2 = 1): Promise<ExportedFile> {
  const view = requireView(ctx, year);
  const profile = getProfile(ctx.db, year);
  if (!profile) throw new AppError('NOT_FOUND', `Chưa khai báo thông tin đơn vị cho năm ${year}.`);
  const data = templateData(view, profile.shortName, profile.name, round);
  const base = `ket-qua-tham-dinh-${year}-lan-${round}-${profile.shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  if (format === 'json') return { fileName: `${base}.json`, contentBase64: Buffer.from(appraisalTemplateJson(data), 'utf8').toString('base64') };
  return { fileName: `${base}.xlsx`, contentBase64: (await writeAppraisalTemplate(data)).toString('base64') };
}

/** Reads and checks a file (JSON or Excel) without saving anything. */
export async function checkAppraisalFile(ctx: CoreContext, fileName: string, bytes: Buffer, year?: number): Promise<AppraisalCheck> {
  const target = {
    year,
    unitShortNameOf: (y: number) => getProfile(ctx.db, y)?.shortName ?? null,
    setOf: (y: number) => assessmentAccess.getAssessmentView(ctx, y)?.set ?? null,
    hasRound1: (y: number) => listRounds(ctx.db, y).some((r) => r.round === 1),
  };
  const format = detectFormat(fileName, bytes);
  if (format === 'xlsx') {
    const read = await readAppraisalWorkbook(bytes);
    if ('error' in read) return { ok: false, errors: [{ where: '(tệp)', message: read.error }] };
    // Cells in words ("Trang «Kết quả thẩm định», dòng 14, cột F"); the sheet's rows 1–2 are titles, not the table's header.
    return checkAppraisal(read.raw, target, (path) => cellInWords(read.where(path), undefined, [APPRAISAL_SHEET]));
  }
  if (format !== 'json') return { ok: false, errors: [{ where: '(tệp)', message: `Tệp «${fileName}» không phải kết quả thẩm định: chỉ nhận tệp .json hoặc .xlsx.` }] };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof SyntaxError ? `JSON không hợp lệ (${e.message})` : 'tệp không phải văn bản UTF-8';
    return { ok: false, errors: [{ where: '(tệp)', message: `Không đọc được tệp: ${why}.` }] };
  }
  return checkAppraisal(raw, target);
}

/**
 * Imports Sở Nội vụ's appraisal file: checked in full first, then the round (row and items) is
 * written in one transaction with its audit entry. Any error: nothing is saved. Importing a round
 * again replaces it (the audit keeps the old file's hash).
 */
export async function importAppraisal(ctx: CoreContext, fileName: string, bytes: Buffer, year?: number): Promise<AppraisalImportResult> {
  const checked = await checkAppraisalFile(ctx, fileName, bytes, year);
  if (!checked.ok) {
    const shown = checked.errors.slice(0, MAX_LISTED_ERRORS).map((e) => `- ${e.where}: ${e.message}`);
    const more = checked.errors.length > MAX_LISTED_ERRORS ? [`… và ${checked.errors.length - MAX_LISTED_ERRORS} lỗi khác.`] : [];
    throw new AppError('VALIDATION_FAILED', [`Tệp kết quả thẩm định có ${checked.errors.length} lỗi nên chưa được nhập:`, ...shown, ...more].join('\n'), checked.errors);
  }
  const { file } = checked;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = ctx.now();
  const replaced = ctx.db.transaction(() => {
    const before = listRounds(ctx.db, file.year).find((r) => r.round === file.round);
    const existed = replaceRound(
      ctx.db,
      {
        year: file.year,
        round: file.round,
        unit: file.unit,
        final: file.final ? 1 : 0,
        response_deadline: file.responseDeadline,
        source_name: toNfc(fileName),
        source_sha256: sha256,
        imported_at: at.toISOString(),
        imported_by_name: actorLabel(ctx.actor),
      },
      file.items.map((i) => ({ code: i.code, points: i.points, note: i.note, explanationRequested: i.requestExplanation })),
    );
    reviewAccess.appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'appraisal.import',
      subject: subjectId('assessment', String(file.year)),
      target: `lan-${file.round}`,
      ...(before ? { old: { file: before.source_name, sha256: before.source_sha256 } } : {}),
      new: { file: toNfc(fileName), sha256, round: file.round, items: file.items.length, final: file.final },
    });
    return existed;
  })();
  return {
    year: file.year,
    round: file.round,
    itemCount: file.items.length,
    explanationRequested: file.items.filter((i) => i.requestExplanation).length,
    replaced,
    score: getOfficialScore(ctx, file.year),
  };
}

function requireRound(ctx: CoreContext, year: number, round: number): RoundRow {
  const row = listRounds(ctx.db, year).find((r) => r.round === round);
  if (!row) throw new AppError('NOT_FOUND', `Chưa nhập kết quả thẩm định lần ${round} năm ${year}.`);
  return row;
}

export function setResponseDeadline(ctx: CoreContext, year: number, round: number, deadline: string | null): AppraisalRoundInfo {
  return ctx.db.transaction(() => {
    const row = requireRound(ctx, year, round);
    if (row.response_deadline === deadline) return roundInfo(ctx, row);
    setRoundDeadline(ctx.db, year, round, deadline);
    reviewAccess.appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'appraisal.deadline',
      subject: subjectId('assessment', String(year)),
      target: `lan-${round}`,
      old: { deadline: row.response_deadline },
      new: { deadline },
    });
    return roundInfo(ctx, requireRound(ctx, year, round));
  })();
}

/**
 * Saves the giải trình of one item. Part of the giải trình dossier ('2026:giai-trinh-1'): refused
 * while it is with the leader, a new draft after approval, an audit entry with old and new text.
 */
export function saveGiaiTrinh(ctx: CoreContext, year: number, code: string, text: string): AppraisalItemView {
  const view = requireView(ctx, year);
  const leaf = flattenItems(view.set).find((f) => f.item.code === code && f.item.children.length === 0);
  if (!leaf) throw new AppError('INVALID_INPUT', `Bộ chỉ số năm ${year} không có tiêu chí lá ${code}.`);
  const clean = toNfc(text);
  ctx.db.transaction(() => {
    requireRound(ctx, year, GIAI_TRINH_ROUND);
    const old = getGiaiTrinh(ctx.db, year, GIAI_TRINH_ROUND)[code] ?? '';
    if (old === clean) return;
    const key = giaiTrinhSubjectKey(year, GIAI_TRINH_ROUND);
    reviewAccess.beforeEdit(ctx.db, { kind: 'assessment', key }, ctx.actor, ctx.now());
    upsertGiaiTrinh(ctx.db, year, GIAI_TRINH_ROUND, code, clean, ctx.now().toISOString());
    reviewAccess.appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: 'appraisal.giai-trinh', subject: subjectId('assessment', key), target: code, old, new: clean });
  })();
  return getAppraisalView(ctx, year)!.items.find((i) => i.code === code)!;
}

export function setOutcome(ctx: CoreContext, year: number, rank: number | null, rankOf: number | null): AppraisalHistoryRow {
  if (rank !== null && rankOf !== null && rank > rankOf) throw new AppError('INVALID_INPUT', `Thứ hạng ${rank} không thể lớn hơn tổng số đơn vị ${rankOf}.`);
  requireView(ctx, year);
  ctx.db.transaction(() => {
    upsertOutcome(ctx.db, year, rank, rankOf, ctx.now().toISOString());
    reviewAccess.appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: 'appraisal.outcome', subject: subjectId('assessment', String(year)), new: { rank, rankOf } });
  })();
  return historyRows(ctx).find((h) => h.year === year)!;
}

/**
 * The "Điểm thẩm định" column of the self-assessment report: the latest round's points for every
 * item (leaves, criteria and domains, as the engine sums them), with the council's notes; undefined
 * before any appraisal.
 */
export function appraisalColumns(
  ctx: CoreContext,
  year: number,
): { round: AppraisalRound; points: Record<string, number>; notes: Record<string, string>; surveyIncluded: Record<string, number> } | undefined {
  const view = assessmentAccess.getAssessmentView(ctx, year);
  if (!view) return undefined;
  const { data, score } = scoreFor(ctx, view);
  const latest = data.at(-1);
  if (!latest || !score.parts) return undefined;
  const points: Record<string, number> = {};
  for (const [code, item] of Object.entries(score.parts.appraised.items)) if (item.effectiveMax > 0 || item.points > 0) points[code] = item.points;
  Object.assign(points, score.parts.leafPoints);
  const surveyIncluded: Record<string, number> = {};
  addSurveyToParents(view.set, score.parts.leafPoints, points, surveyIncluded);
  const notes: Record<string, string> = {};
  for (const round of data) {
    for (const [code, item] of round.items) if (item.note) notes[code] = notes[code] ? `${notes[code]} / ${item.note}` : item.note;
  }
  return { round: latest.round, points, notes, surveyIncluded };
}

/**
 * A domain's or criterion's "Điểm thẩm định" includes its survey (XHH) part: the points of its
 * survey leaves, and a domain's declared XHH share ("1.XHH"), added to every ancestor's appraised
 * points (the engine scores the appraised part without them). The set-level share belongs to no row.
 */
function addSurveyToParents(set: AssessmentView['set'], leafPoints: Readonly<Record<string, number>>, points: Record<string, number>, included: Record<string, number>): void {
  const add = (code: string, p: number) => {
    points[code] = roundPoints((points[code] ?? 0) + p);
    included[code] = roundPoints((included[code] ?? 0) + p);
  };
  for (const { item } of flattenItems(set)) {
    if (item.children.length > 0 || item.assessedBy !== 'survey') continue;
    const p = leafPoints[item.code];
    if (p === undefined) continue;
    for (let c = parentCode(item.code); c; c = parentCode(c)) add(c, p);
  }
  for (const share of surveyShares(set)) {
    const p = leafPoints[share.code];
    if (share.domainCode !== null && p !== undefined) add(share.domainCode, p);
  }
}
