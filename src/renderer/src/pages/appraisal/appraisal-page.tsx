import { useCallback, useEffect, useState } from 'react';
import type { AppraisalView } from '../../../../shared/contract/appraisal';
import type { ReviewStatus } from '../../../../shared/contract/review';
import { VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { formatPointsVi, todayInVietnam } from '../../../../shared/text/vi';
import { formatDateTimeVi } from '../../../../shared/review-labels';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { MessageLine, type Message } from '../../components/message-line';
import { readFileAsBase64, saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';
import { AppraisalItems } from './appraisal-items';
import { indexText, ScoreCards } from './score-cards';

const t = vi.appraisal;

/** Days from today (Vietnam) to a yyyy-mm-dd deadline. */
export function daysUntil(iso: string, now = new Date()): number {
  const today = Date.parse(`${todayInVietnam(now)}T00:00:00Z`);
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - today) / 86_400_000);
}

/**
 * «Thẩm định, giải trình»: the template for Sở Nội vụ, the import of its results, self vs
 * appraised per domain and item, the giải trình with its tài liệu bổ sung and review, the history.
 */
export function AppraisalPage({ year }: { year: number }) {
  const api = useApi();
  const { can } = useAuth();
  const [view, setView] = useState<AppraisalView | null | undefined>(undefined);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<{ where: string; message: string }[]>([]);
  const [review, setReview] = useState<ReviewStatus | null>(null);
  const [deadline, setDeadline] = useState('');
  const [rank, setRank] = useState({ rank: '', of: '' });

  const load = useCallback(async () => {
    const r = await api.call('appraisal/get', { year });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setView(r.value);
    setDeadline(r.value?.rounds.find((x) => x.round === 1)?.responseDeadline ?? '');
    if (r.value?.giaiTrinhKey) {
      const s = await api.call('review/status', { kind: 'assessment', key: r.value.giaiTrinhKey });
      setReview(s.ok ? s.value : null);
    }
  }, [api, year]);
  useEffect(() => {
    void load();
  }, [load]);

  async function template(format: 'xlsx' | 'json') {
    const r = await api.call('appraisal/template', { year, format });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    saveBase64File(r.value.fileName, r.value.contentBase64);
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setErrors([]);
    setMessage(null);
    const r = await api.call('appraisal/import', { fileName: file.name, contentBase64: await readFileAsBase64(file), year });
    if (!r.ok) {
      // The message is the summary line, then one "- where: problem" line per error.
      const [head = '', ...lines] = r.error.message.split('\n');
      setErrors(lines.map((l) => l.replace(/^- /, '')).map((l) => ({ where: l.slice(0, Math.max(0, l.indexOf(': '))), message: l.slice(l.indexOf(': ') + 2) })));
      return setMessage({ kind: 'error', text: head });
    }
    setMessage({ kind: 'success', text: t.imported(r.value.round, r.value.itemCount, r.value.explanationRequested) });
    await load();
  }

  async function act(run: () => Promise<{ ok: boolean; error?: { message: string } }>, done?: string) {
    const r = await run();
    setMessage(r.ok ? (done ? { kind: 'success', text: done } : null) : { kind: 'error', text: r.error!.message });
    await load();
  }

  async function generate() {
    const r = await api.call('appraisal/generate', { year });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    saveBase64File(r.value.fileName, r.value.base64, r.value.mime);
  }

  if (view === undefined) return <p>{vi.loading}</p>;
  if (view === null) return <p>{t.noAssessment(year)}</p>;
  const round1 = view.rounds.find((r) => r.round === 1);
  const officer = can('appraisal/import');
  const editable = can('appraisal/save-giai-trinh') && !!review && review.current.status !== 'submitted';

  return (
    <section className="appraisal-page">
      <h1>{t.title(year)}</h1>
      <p className="muted">{t.intro}</p>
      <ScoreCards score={view.score} />
      <MessageLine message={message} />
      {errors.length > 0 && (
        <ul className="error-list" data-testid="appraisal-errors">
          {errors.map((e, i) => (
            <li key={i}>
              <span className="mono">{e.where}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}

      <div className="row wrap">
        <div className="panel grow">
          <h2>{t.templateTitle}</h2>
          <p className="muted small">{t.templateHint}</p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void template('xlsx')}>
              {t.templateXlsx}
            </button>
            <button type="button" className="secondary" onClick={() => void template('json')}>
              {t.templateJson}
            </button>
          </div>
        </div>
        {officer && (
          <div className="panel grow">
            <h2>{t.importTitle}</h2>
            <input type="file" accept=".json,.xlsx" aria-label={t.importButton} onChange={(e) => void importFile(e.target.files?.[0]).then(() => (e.target.value = ''))} />
            {view.rounds.length > 0 && (
              <ul className="muted small">
                {view.rounds.map((r) => (
                  <li key={r.round}>
                    {t.roundLine(r.round, r.sourceName, formatDateTimeVi(r.importedAt), r.importedBy)}
                    {r.final && ` (${t.final})`}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {round1 && (
        <div className="panel">
          <h2>{t.reviewTitle}</h2>
          <div className="row wrap">
            <label className="field narrow">
              <span>{t.deadline}</span>
              <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} disabled={!officer} data-testid="appraisal-deadline" />
            </label>
            {round1.responseDeadline && (
              <span className={daysUntil(round1.responseDeadline) < 0 ? 'warn-text' : 'muted'} data-testid="appraisal-deadline-left">
                {t.deadlineLeft(daysUntil(round1.responseDeadline))}
              </span>
            )}
            {officer && (
              <button type="button" className="secondary" onClick={() => void act(() => api.call('appraisal/set-deadline', { year, round: 1, deadline: deadline || null }))}>
                {t.saveDeadline}
              </button>
            )}
          </div>
          {review && (
            <p data-testid="giai-trinh-status">
              {t.reviewStatus(review.current.versionNo, VERSION_STATUS_LABELS[review.current.status])}
            </p>
          )}
          <div className="row">
            {can('review/submit') && review && (review.current.status === 'draft' || review.current.status === 'returned') && (
              <button type="button" className="primary" onClick={() => void act(() => api.call('review/submit', { kind: 'assessment', key: view.giaiTrinhKey! }), t.submitted)}>
                {t.submit}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => void generate()}>
              {t.generate}
            </button>
          </div>
          <p className="muted small">{t.leaderHint}</p>
        </div>
      )}

      <h2>{t.domainsTitle}</h2>
      <table className="grid" data-testid="appraisal-domains">
        <thead>
          <tr>
            <th>{t.domain}</th>
            <th className="num">{t.self}</th>
            <th className="num">{t.appraised}</th>
            <th className="num">{t.lost}</th>
          </tr>
        </thead>
        <tbody>
          {view.domains.map((d) => {
            const lost = d.appraised ? (d.kind === 'penalty' ? d.appraised.points - d.self.points : d.self.points - d.appraised.points) : 0;
            const cell = (p: { points: number; max: number }) => (d.kind === 'normal' ? `${formatPointsVi(p.points)}/${formatPointsVi(p.max)}` : (d.kind === 'penalty' ? '−' : '+') + formatPointsVi(p.points));
            return (
              <tr key={d.code}>
                <td>
                  {d.code}. {d.title}
                </td>
                <td className="num">{cell(d.self)}</td>
                <td className="num">{d.appraised ? cell(d.appraised) : ''}</td>
                <td className="num">{lost > 0.004 ? `−${formatPointsVi(lost)}` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {view.rounds.length > 0 && <AppraisalItems view={view} editable={editable} onChanged={() => void load()} />}

      <h2>{t.historyTitle}</h2>
      <table className="grid" data-testid="appraisal-history">
        <thead>
          <tr>
            <th>{t.year}</th>
            <th className="num">{t.index}</th>
            <th>{t.band}</th>
            <th>{t.rank}</th>
          </tr>
        </thead>
        <tbody>
          {view.history.map((h) => (
            <tr key={h.year}>
              <td>{h.year}</td>
              <td className="num">
                {h.index === null ? '—' : indexText(h.index)} {h.provisional && h.index !== null ? t.provisional : ''}
              </td>
              <td>{h.index === null ? '' : (h.band ?? t.unrated)}</td>
              <td>{h.rank ? t.rankOf(h.rank, h.rankOf) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {officer && view.rounds.length > 0 && (
        <div className="row">
          <label className="field narrow">
            <span>{t.rankInput}</span>
            <input inputMode="numeric" value={rank.rank} onChange={(e) => setRank({ ...rank, rank: e.target.value })} />
          </label>
          <label className="field narrow">
            <span>{t.rankOfInput}</span>
            <input inputMode="numeric" value={rank.of} onChange={(e) => setRank({ ...rank, of: e.target.value })} />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => void act(() => api.call('appraisal/set-outcome', { year, rank: rank.rank ? Number(rank.rank) : null, rankOf: rank.of ? Number(rank.of) : null }))}
          >
            {t.saveRank}
          </button>
        </div>
      )}
    </section>
  );
}
