import { useEffect, useState } from 'react';
import { REPORT_DOCUMENT_KINDS, reportSubjectKey, type ReportDocumentKind, type ReportPeriodCode, type ReportPeriodInfo } from '../../../../shared/contract/reports';
import type { CheckResult, CheckTarget, SubjectKind } from '../../../../shared/contract/review';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';
import { PreSendCheck } from '../review/pre-send-check';
import { pickNextPeriod } from './next-period';
import { DocumentDateWarning } from './document-options-panel';

/** Only these documents belong to one period; the self-assessment ones cover the whole year. */
const NEEDS_PERIOD: ReadonlySet<ReportDocumentKind> = new Set(['periodic-docx', 'statistics-xlsx']);

const t = vi.reports.generate;

interface Props {
  year: number;
  periods: ReportPeriodInfo[];
  /** Preselected period (the one being edited); else the one due next. */
  period?: ReportPeriodCode;
  /** Opens where a finding of the check before generating is fixed. */
  onOpenTarget?(target: CheckTarget, subject: { kind: SubjectKind; key: string }): void;
  /** Changes when the content may have changed (re-runs the check). */
  refreshKey?: unknown;
  /** Bumped when the report's document options change, so the date warning is read again. */
  optionsRevision?: number;
}

/** Choose a document and (where it applies) a period; the file is built in main and saved here. */
export function GeneratePanel({ year, periods, period, onOpenTarget, refreshKey, optionsRevision = 0 }: Props) {
  const api = useApi();
  const [kind, setKind] = useState<ReportDocumentKind>('periodic-docx');
  const [chosen, setChosen] = useState<ReportPeriodCode>(() => period ?? pickNextPeriod(periods)?.code ?? periods[0]?.code ?? 'q1');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  /** The document just saved through the dialog, for «Mở thư mục». */
  const [savedId, setSavedId] = useState<string | null>(null);
  const needsPeriod = NEEDS_PERIOD.has(kind);
  // The document of one period is the report's; the others are the year's self-assessment dossier.
  const subject: { kind: SubjectKind; key: string } = needsPeriod ? { kind: 'report', key: reportSubjectKey(year, chosen) } : { kind: 'assessment', key: String(year) };
  const [check, setCheck] = useState<CheckResult | null>(null);
  const held = !!check && check.action === 'generate' && check.blocking > 0;
  // The report's date may precede its data cut-off: say so here, before the file is made.
  const [dateWarning, setDateWarning] = useState<string | null>(null);
  useEffect(() => {
    if (kind !== 'periodic-docx') return setDateWarning(null);
    let live = true;
    void api.call('reports/document-options', { year, period: chosen }).then((r) => live && setDateWarning(r.ok ? r.value.dateWarning : null));
    return () => {
      live = false;
    };
  }, [api, kind, year, chosen, optionsRevision]);

  async function generate() {
    setBusy(true);
    setMessage(null);
    setSavedId(null);
    // On the desktop main shows the save dialog and opens the saved file; in a browser tab the
    // file comes back and is downloaded.
    const r = await api.call('reports/generate', { kind, year, deliver: 'save-and-open', ...(needsPeriod ? { period: chosen } : {}) });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    if (r.value.savedPath === null) return setMessage({ kind: 'success', text: t.cancelled });
    if (r.value.savedPath) {
      setSavedId(r.value.savedId ?? null);
      return setMessage({ kind: 'success', text: t.savedAndOpened(r.value.savedPath) });
    }
    saveBase64File(r.value.fileName, r.value.base64, r.value.mime);
    setMessage({ kind: 'success', text: t.done(r.value.fileName) });
  }

  return (
    <section className="panel generate-panel" aria-labelledby="generate-title">
      <h2 id="generate-title">{t.title}</h2>
      <div className="row">
        <label className="field">
          <span>{t.kind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ReportDocumentKind)}>
            {REPORT_DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        {needsPeriod && periods.length === 1 && (
          <p className="field">
            <span>{t.period}</span>
            <span className="fixed-value">{periods[0]!.name}</span>
          </p>
        )}
        {needsPeriod && periods.length > 1 && (
          <label className="field">
            <span>{t.period}</span>
            <select value={chosen} onChange={(e) => setChosen(e.target.value as ReportPeriodCode)}>
              {periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="primary" onClick={() => void generate()} disabled={busy || held}>
          {busy ? t.busy : t.button}
        </button>
      </div>
      {!needsPeriod && <p className="muted small">{t.wholeYear(year)}</p>}
      <DocumentDateWarning warning={dateWarning} />
      {held && <p className="error">{vi.preCheck.generateHeld}</p>}
      <PreSendCheck
        key={`${subject.kind}-${subject.key}`}
        subject={subject}
        action="generate"
        refreshKey={refreshKey}
        onResult={setCheck}
        onOpen={onOpenTarget ? (target) => onOpenTarget(target, subject) : undefined}
      />
      <MessageLine message={message} />
      {savedId && (
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void api.call('output/show-in-folder', { savedId }).then((r) => !r.ok && setMessage({ kind: 'error', text: r.error.message }))
            }
          >
            {vi.files.openFolder}
          </button>
        </div>
      )}
    </section>
  );
}
