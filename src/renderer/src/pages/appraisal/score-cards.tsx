import type { OfficialScore } from '../../../../shared/contract/appraisal';
import { formatPointsVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';

const t = vi.appraisal;
/** The index as decisions print it: two decimals always, 82,20%. */
export const indexText = (index: number) => `${formatPointsVi(index)}%`;
const outOf = (p: { points: number; max: number }) => t.outOf(formatPointsVi(p.points), formatPointsVi(p.max));

/** Every total with what it is: self-score (provisional), appraised (round), survey, the index. */
export function ScoreCards({ score }: { score: OfficialScore }) {
  return (
    <div className="score-cards" data-testid="appraisal-scores">
      <div className="panel">
        <span className="muted">{t.selfCard}</span>
        <strong data-testid="score-self">{outOf(score.self)}</strong>
        <span className="muted small">
          {vi.scoreLabels.provisionalBand}: {score.selfBandProvisional}
        </span>
      </div>
      <div className="panel">
        <span className="muted">{score.appraised ? t.appraisedCard(score.appraised.round) : t.appraisedCard(1)}</span>
        <strong data-testid="score-appraised">{score.appraised ? outOf(score.appraised) : t.notAppraised}</strong>
      </div>
      <div className="panel">
        <span className="muted">{t.surveyCard}</span>
        <strong data-testid="score-survey">{score.survey ? outOf(score.survey) : '—'}</strong>
        {!score.survey && score.appraised && <span className="muted small">{t.noSurvey}</span>}
      </div>
      <div className="panel">
        <span className="muted">{score.provisional && score.index !== null ? t.indexProvisional : t.indexCard}</span>
        <strong data-testid="score-index">{score.index === null ? t.noIndex : indexText(score.index)}</strong>
        {score.index !== null && (
          <span data-testid="score-band">
            {t.band}: <strong>{score.band ?? t.unrated}</strong>
          </span>
        )}
      </div>
    </div>
  );
}
