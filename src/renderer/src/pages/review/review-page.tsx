import { useCallback, useEffect, useState } from 'react';
import { reportSubjectKey, type ReportPeriodInfo } from '../../../../shared/contract/reports';
import type { AssessmentView } from '../../../../shared/contract/assessment';
import type { CheckResult, CheckTarget, ReviewStatus, SubjectKind } from '../../../../shared/contract/review';
import { subjectLabel, VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { giaiTrinhSubjectKey } from '../../../../shared/contract/appraisal';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { ErrorLine, SuccessLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { ApprovedState } from './approved-state';
import { CommentList } from './comment-list';
import { ItemReview } from './item-review';
import { LeaderPanel } from './leader-panel';
import { PreSendCheck } from './pre-send-check';
import { ReviewRounds } from './review-rounds';
import { useDraftComments } from './use-draft-comments';
import { VersionCard } from './version-card';
import { DossierReadiness } from '../assessment/dossier-readiness';

const t = vi.review;

/**
 * «Duyệt hồ sơ»: the year's dossier moving draft → submitted → returned/approved. The officer
 * sends it, the leader returns it with comments per item or approves it; approved versions stay
 * listed read-only with their hash, documents and signed copy.
 */
export function ReviewPage({ year, onOpenTarget }: { year: number; onOpenTarget?: (target: CheckTarget, subject: { kind: SubjectKind; key: string }) => void }) {
  const api = useApi();
  const { can } = useAuth();
  const [status, setStatus] = useState<ReviewStatus | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [note, setNote] = useState('');
  // The year's self-assessment, or one of its periodic reports: the same chain for each.
  const [subjectValue, setSubjectValue] = useState(`assessment|${year}`);
  const [periods, setPeriods] = useState<ReportPeriodInfo[]>([]);
  const [kind, key] = subjectValue.split('|') as [SubjectKind, string];
  const subject = { kind, key };
  const [check, setCheck] = useState<CheckResult | null>(null);
  // Bumped after each step, so the check and the rounds are read again.
  const [round, setRound] = useState(0);
  const reviewing = (can('review/return') || can('review/approve')) && status?.current.status === 'submitted';
  const drafts = useDraftComments(kind, key, !!reviewing && can('review/save-draft'));
  const [walkView, setWalkView] = useState<AssessmentView | null>(null);

  // The leader reads the assessment item by item: the same content the officer sent.
  useEffect(() => {
    if (!reviewing || kind !== 'assessment') return setWalkView(null);
    let live = true;
    void api.call('assessment/get', { year }).then((r) => live && setWalkView(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [api, reviewing, kind, year]);

  useEffect(() => {
    void api.call('reports/periods', { year }).then((r) => r.ok && setPeriods(r.value));
  }, [api, year]);

  const load = useCallback(async () => {
    setStatus(undefined);
    const r = await api.call('review/status', { kind, key });
    if (r.ok) setStatus(r.value);
    else if (r.error.code === 'NOT_FOUND') setStatus(null);
    else setError(r.error.message);
  }, [api, kind, key]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs an action, shows its error or a notice, and reloads the status. */
  async function act(run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string): Promise<boolean> {
    setError(null);
    setNotice(null);
    const r = await run();
    if (!r.ok) {
      setError(r.error!.message);
      return false;
    }
    setNotice(done);
    await load();
    setRound((n) => n + 1);
    return true;
  }

  if (status === undefined && !error) return <p>{vi.loading}</p>;
  const current = status?.current;
  const openComments = status?.comments.filter((c) => !c.resolved) ?? [];

  return (
    <section className="review-page">
      <h1>{key.includes('giai-trinh') ? subjectLabel(`${kind}:${key}`) : kind === 'assessment' ? t.title(year) : t.reportTitle(periods.find((p) => reportSubjectKey(year, p.code) === key)?.title ?? key)}</h1>
      <label className="field subject-picker">
        <span>{t.subject}</span>
        <select
          value={subjectValue}
          onChange={(e) => {
            setError(null);
            setNotice(null);
            setSubjectValue(e.target.value);
          }}
        >
          <option value={`assessment|${year}`}>{t.assessmentOption(year)}</option>
          <option value={`assessment|${giaiTrinhSubjectKey(year, 1)}`}>{vi.appraisal.reviewOption}</option>
          {periods.map((p) => (
            <option key={p.code} value={`report|${reportSubjectKey(year, p.code)}`}>
              {t.reportOption(p.title)}
            </option>
          ))}
        </select>
      </label>
      <ErrorLine text={error} />
      <SuccessLine text={notice} />
      {status === null && <p>{key.includes('giai-trinh') ? vi.appraisal.reviewNotStarted : kind === 'assessment' ? t.notStarted : t.reportNotStarted}</p>}
      {status && current && (
        <>
          <div className="panel">
            <p>
              {t.current}: <strong data-testid="review-current-version">{t.version(current.versionNo)}</strong> — {t.status}:{' '}
              <strong data-testid="review-current-status">{VERSION_STATUS_LABELS[current.status]}</strong>
            </p>
            {current.status === 'submitted' && <p className="muted">{t.waiting}</p>}
            {current.status === 'returned' && <p className="warn-text">{t.returnedHint}</p>}
            {current.status === 'approved' && <ApprovedState subject={subject} version={current} onOpened={() => void load().then(() => setRound((n) => n + 1))} />}
            {can('review/submit') && (current.status === 'draft' || current.status === 'returned') && kind === 'assessment' && key === String(year) && <DossierReadiness year={year} />}
            {can('review/submit') && (current.status === 'draft' || current.status === 'returned') && (
              <>
                <PreSendCheck subject={subject} action="submit" refreshKey={round} onResult={setCheck} onOpen={onOpenTarget ? (target) => onOpenTarget(target, subject) : undefined} />
                <div className="row">
                  <label className="field grow">
                    <span>{t.noteLabel}</span>
                    <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
                  </label>
                  <button
                    type="button"
                    className="primary"
                    disabled={openComments.length > 0 || (check?.blocking ?? 0) > 0}
                    onClick={() => void act(() => api.call('review/submit', { ...subject, ...(note.trim() ? { note } : {}) }), t.submitted).then((okay) => okay && setNote(''))}
                  >
                    {t.submit}
                  </button>
                </div>
              </>
            )}
          </div>

          {reviewing && kind === 'assessment' && walkView && (
            <section aria-label={vi.itemReview.walkTitle}>
              <h2>{vi.itemReview.walkTitle}</h2>
              <ItemReview view={walkView} drafts={can('review/save-draft') ? drafts : null} />
            </section>
          )}

          {(can('review/return') || can('review/approve')) && current.status === 'submitted' && (
            <LeaderPanel
              targets={status.targets}
              drafts={drafts}
              onReturn={(comments) => act(() => api.call('review/return', { ...subject, comments }), t.returned)}
              onApprove={(comment) => act(() => api.call('review/approve', { ...subject, ...(comment.trim() ? { comment } : {}) }), t.approved(current.versionNo))}
            />
          )}

          <h2>{t.comments}</h2>
          <CommentList
            comments={status.comments}
            canResolve={can('review/resolve-comment') && current.status === 'returned'}
            onResolve={(id, resolveNote) => act(() => api.call('review/resolve-comment', { id, ...(resolveNote.trim() ? { note: resolveNote } : {}) }), t.resolve)}
          />

          <h2>{vi.rounds.title}</h2>
          <ReviewRounds subject={subject} refreshKey={round} />

          <h2>{t.versions}</h2>
          {status.versions.length === 0 && <p className="muted">{t.noVersions}</p>}
          <div className="version-list">
            {status.versions.map((v) => (
              <VersionCard key={`${subjectValue}-${v.versionNo}`} subject={subject} version={v} canAttach={can('review/attach-signed')} onChanged={load} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
