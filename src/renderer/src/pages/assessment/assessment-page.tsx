import { useCallback, useEffect, useState } from 'react';
import type { AssessmentSummary, AssessmentView, CarryOverReport } from '../../../../shared/contract/assessment';
import type { CriteriaSetSummary } from '../../../../shared/contract/criteria';
import type { UnitProfile } from '../../../../shared/contract/profile';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { AssessmentWorkspace } from './assessment-workspace';
import { CompareView } from './compare-view';
import { SetUpdateBanner } from './set-update-banner';

const t = vi.assessment;

/** The year's self-assessment: start it (fresh or from last year), then the guided walk. */
export function AssessmentPage({ profile, focusCode }: { profile: UnitProfile; focusCode?: string }) {
  const api = useApi();
  // A leader or submitter sees the results; only an officer scores (main refuses the rest anyway).
  const canEdit = useAuth().can('assessment/save-entry');
  const year = profile.year;
  const [view, setView] = useState<AssessmentView | null | undefined>(undefined);
  const [sets, setSets] = useState<CriteriaSetSummary[]>([]);
  const [others, setOthers] = useState<AssessmentSummary[]>([]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [carry, setCarry] = useState<CarryOverReport | null>(null);
  // Counts score changes saved in the workspace, so the year comparison below follows them.
  const [scoreStamp, setScoreStamp] = useState(0);
  const bumpScoreStamp = useCallback(() => setScoreStamp((n) => n + 1), []);

  const load = useCallback(async () => {
    const [v, s, list] = await Promise.all([api.call('assessment/get', { year }), api.call('criteria/list', {}), api.call('assessment/list', {})]);
    if (!v.ok) return setError(v.error.message);
    setView(v.value);
    if (s.ok) {
      const fitting = s.value.filter((x) => x.year === year && x.unitType === profile.unitType && x.isLatest);
      setSets(fitting);
      setChosen((c) => c || (fitting.find((x) => !x.isSample) ?? fitting[0])?.id || '');
    }
    if (list.ok) setOthers(list.value.filter((a) => a.year < year));
  }, [api, year, profile.unitType]);

  useEffect(() => {
    void load();
  }, [load]);

  async function start() {
    setError(null);
    const r = await api.call('assessment/open', { year, ...(chosen ? { setId: chosen } : {}) });
    if (!r.ok) return setError(r.error.message);
    setView(r.value);
  }

  async function carryFrom(fromYear: number) {
    setError(null);
    const r = await api.call('assessment/carry-over', { fromYear, toYear: year, ...(chosen ? { setId: chosen } : {}) });
    if (!r.ok) return setError(r.error.message);
    setCarry(r.value);
    await load();
  }

  if (view === undefined) return <p>{vi.loading}</p>;
  return (
    <section>
      <h1>
        {t.title} — {year}
      </h1>
      <ErrorLine text={error} />
      {carry && <CarryReport report={carry} onClose={() => setCarry(null)} />}
      {view ? (
        <>
          <p className="muted small" data-testid="set-name">
            {t.setVersion(view.setName, view.setVersion)}
          </p>
          {!canEdit && <p className="muted">{vi.readOnly.assessment}</p>}
          <SetUpdateBanner key={view.year} year={year} canEdit={canEdit} onSwitched={() => void load()} />
          <AssessmentWorkspace
            key={`${view.year}-${view.setId}-${view.setVersion}`}
            initial={view}
            readOnly={!canEdit}
            focusCode={focusCode}
            onScoreChange={bumpScoreStamp}
          />
          {others[0] && <CompareView year={year} previousYear={others[0].year} refresh={scoreStamp} />}
        </>
      ) : !canEdit ? (
        <div className="panel">
          <p>{vi.readOnly.notStarted}</p>
        </div>
      ) : (
        <div className="panel">
          <p>{t.notStarted(year)}</p>
          {sets.length === 0 ? (
            <p className="warn-text">{t.noSetForYear(year)}</p>
          ) : (
            <label className="field">
              <span>{t.chooseSet}</span>
              <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {sets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} (phiên bản {s.version})
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="row">
            <button type="button" className="primary" onClick={() => void start()} disabled={sets.length === 0}>
              {t.start}
            </button>
            {others[0] && sets.length > 0 && (
              <button type="button" className="secondary" onClick={() => void carryFrom(others[0]!.year)}>
                {t.carryFrom(others[0].year)}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function CarryReport({ report, onClose }: { report: CarryOverReport; onClose(): void }) {
  return (
    <div className="panel" role="status">
      <p>{t.carryReport(report.carried.length, report.notCarried.length)}</p>
      {!!report.evidenceOffered && <p>{vi.previousEvidence.carried(report.evidenceOffered)}</p>}
      {report.notCarried.length > 0 && (
        <ul>
          {report.notCarried.map((n) => (
            <li key={n.code}>
              <strong>{n.code}</strong> {n.title}: {n.reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {vi.criteria.close}
      </button>
    </div>
  );
}
