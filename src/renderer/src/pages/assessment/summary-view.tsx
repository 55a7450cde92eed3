import type { AssessmentView } from '../../../../shared/contract/assessment';
import { assessmentProgress } from '../../../../shared/assessment/progress';
import { ITEM_STATUS_LABELS } from '../../../../shared/criteria/format';
import { formatPercentVi, formatPointsVi } from '../../../../shared/text/vi';
import { exclusionsText, scaleParts, signedPointsText } from '../../../../shared/criteria/scale-parts';
import { vi } from '../../i18n/vi';
import { DossierReadiness } from './dossier-readiness';

const t = vi.assessment.summary;

/** Totals per domain, the band, and what is still at stake, most points first. */
export function SummaryView({ view, onOpenItem }: { view: AssessmentView; onOpenItem?: (code: string) => void }) {
  const { score } = view;
  const progress = assessmentProgress(view);
  const parts = scaleParts(view.set, score, notApplicableReasons(view));
  const labels = vi.scoreLabels;
  return (
    <section className="summary" aria-label={t.title}>
      <h2>{t.title}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t.domain}</th>
            <th className="num">{t.points}</th>
            <th className="num">{t.max}</th>
            <th className="num">{t.percent}</th>
            <th className="num">{t.progress}</th>
          </tr>
        </thead>
        <tbody>
          {score.domains.map((d) => (
            <tr key={d.code}>
              <td>
                {d.code}. {d.title}
                {d.kind !== 'normal' && <span className="tag">{d.kind === 'bonus' ? t.bonus : t.penalty}</span>}
              </td>
              <td className="num">{signedPointsText(d.points, d.kind)}</td>
              <td className="num">{formatPointsVi(d.max)}</td>
              <td className="num">{d.max > 0 ? formatPercentVi((d.points / d.max) * 100) : '—'}</td>
              <td className="num">
                {progress.domains[d.code]?.done ?? 0}/{progress.domains[d.code]?.total ?? 0}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>
              {labels.selfTotal} ({labels.selfScope(formatPointsVi(parts.selfMax), formatPointsVi(parts.scaleMax))})
            </th>
            <th className="num" data-testid="summary-total">{formatPointsVi(score.total)}</th>
            <th className="num">{formatPointsVi(score.max)}</th>
            <th className="num">{formatPercentVi(score.percent)}</th>
            <th className="num" data-testid="summary-band" title={labels.provisionalBandHint}>
              {labels.provisionalBand}: {score.band}
            </th>
          </tr>
        </tfoot>
      </table>
      <p className="muted small" data-testid="summary-excluded">
        {labels.excluded(exclusionsText(parts))} {labels.provisionalBandHint}
      </p>
      {parts.notApplicable.length > 0 && (
        <ul className="muted small" data-testid="summary-kad">
          {parts.notApplicable.map((n) => (
            <li key={n.code}>
              <span className="tag">{labels.notApplicableTag}</span> {n.code} {n.title}: {labels.notApplicableTitle(n.reason, labels.notApplicableExcluded(formatPointsVi(n.maxPoints)))}
            </li>
          ))}
        </ul>
      )}

      <DossierReadiness year={view.year} withNote />

      <h2>{t.atStake}</h2>
      {score.atStake.length === 0 ? (
        <p className="ok-text">{t.nothingAtStake}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>{t.item}</th>
              <th className="num">{t.pointsAtStake}</th>
              <th>{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {score.atStake.map((s) => (
              <tr key={s.code}>
                <td>
                  {onOpenItem ? (
                    <button type="button" className="link" onClick={() => onOpenItem(s.code)}>
                      {s.code} {s.title}
                    </button>
                  ) : (
                    `${s.code} ${s.title}`
                  )}
                </td>
                <td className="num">{formatPointsVi(s.pointsAtStake)}</td>
                <td>{ITEM_STATUS_LABELS[view.entries[s.code]?.status ?? 'chua-lam']}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function notApplicableReasons(view: AssessmentView): Record<string, string> {
  return Object.fromEntries(Object.values(view.entries).flatMap((e) => (e.answer?.kind === 'not-applicable' ? [[e.code, e.answer.reason]] : [])));
}
