import { useEffect, useState } from 'react';
import type { AppraisalView } from '../../../../shared/contract/appraisal';
import { formatDateVi, formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { indexText } from '../appraisal/score-cards';
import { daysUntil } from '../appraisal/appraisal-page';

const t = vi.appraisal;

/** Home: the appraised points, the index, and how long is left to answer with the giải trình. */
export function AppraisalCard({ year, onOpen }: { year: number; onOpen(): void }) {
  const api = useApi();
  const [view, setView] = useState<AppraisalView | null>(null);
  useEffect(() => {
    void api.call('appraisal/get', { year }).then((r) => r.ok && setView(r.value));
  }, [api, year]);
  if (!view) return null;
  const { score } = view;
  const deadline = view.rounds.find((r) => r.round === 1)?.responseDeadline;
  return (
    <section className="panel" aria-label={t.homeTitle} data-testid="home-appraisal">
      <h2>{t.homeTitle}</h2>
      {!score.appraised ? (
        <p className="muted">{t.homeNone}</p>
      ) : (
        <p>
          {t.appraisedCard(score.appraised.round)}: <strong>{t.outOf(formatPointsVi(score.appraised.points), formatPointsVi(score.appraised.max))}</strong>
          {score.index !== null && (
            <>
              {' '}
              · {score.provisional ? t.indexProvisional : t.indexCard}: <strong>{indexText(score.index)}</strong> ({score.band ?? t.unrated})
            </>
          )}
          {view.toExplain.length > 0 && <> · {t.homeToExplain(view.toExplain.length)}</>}
          {deadline && (
            <>
              {' '}
              · {t.deadline}: {formatDateVi(deadline)} ({t.deadlineLeft(daysUntil(deadline))})
            </>
          )}
        </p>
      )}
      <button type="button" className="link" onClick={onOpen}>
        {t.homeOpen}
      </button>
    </section>
  );
}
