import { useCallback, useEffect, useState } from 'react';
import type { ContinueSummary, OpenedPackage, PackageVerification, ZipInput } from '../../../../shared/contract/exchange';
import { zipFromFile } from '../../api/zip-input';
import { formatBytesVi, formatInstantVi, formatPointsVi } from '../../../../shared/text/vi';
import type { PackageManifest } from '../../../../shared/exchange/manifest';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { ErrorLine, SuccessLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { useJob } from './use-job';
import { REPORT_PERIOD_CODES, type ReportPeriodCode } from '../../../../shared/contract/reports';
import { jobMessage, startDownload, WriteZipControls } from './write-zip-controls';
import { PreSendCheck } from '../review/pre-send-check';

const t = vi.exchange;

function subjectLabel(m: PackageManifest): string {
  if (m.subject.kind === 'assessment' && m.subject.giaiTrinhRound) return t.giaiTrinhOf(m.subject.giaiTrinhRound, m.year);
  return m.subject.kind === 'assessment' ? t.assessmentOf(m.year) : t.reportOf(m.subject.period, m.year);
}

/** "Nộp hồ sơ": export the approved version, verify a package, review opened packages read-only. */
export function SubmissionPage({
  year,
  onOpenAssessment,
  onOpenReview,
}: {
  year: number;
  onOpenAssessment: (year: number) => void;
  /** Where an approved version's signed copy is added (a finding of the check before export). */
  onOpenReview?: () => void;
}) {
  const api = useApi();
  const [opened, setOpened] = useState<OpenedPackage[]>([]);
  const [viewing, setViewing] = useState<OpenedPackage | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('package/list-opened', {});
    if (r.ok) setOpened(r.value);
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <ExportPanel year={year} onOpenReview={onOpenReview} />
      <VerifyPanel
        onOpened={(p) => {
          setViewing(p);
          void reload();
        }}
      />
      <h2>{t.openedTitle}</h2>
      {opened.length === 0 ? (
        <p className="muted">{t.noOpened}</p>
      ) : (
        <table className="grid" aria-label={t.openedTitle}>
          <thead>
            <tr>
              <th>{t.colUnit}</th>
              <th>{t.colWhat}</th>
              <th className="num">{t.colVersion}</th>
              <th>{t.colApproved}</th>
              <th>{t.colOpened}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {opened.map((p) => (
              <tr key={p.id}>
                <td>{p.manifest.unit.name}</td>
                <td>{subjectLabel(p.manifest)}</td>
                <td className="num">{p.manifest.version}</td>
                <td>{formatInstantVi(p.manifest.approval.at)}</td>
                <td>{formatInstantVi(p.openedAt)}</td>
                <td>
                  <button type="button" className="link" onClick={() => setViewing(p)}>
                    {t.view}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {viewing && <OpenedView key={viewing.id} pkg={viewing} onClose={() => setViewing(null)} onOpenAssessment={onOpenAssessment} />}
    </section>
  );
}

function ExportPanel({ year, onOpenReview }: { year: number; onOpenReview?: (() => void) | undefined }) {
  const api = useApi();
  // 'giai-trinh': the approved giải trình dossier of appraisal round 1 (an assessment subject).
  const [kind, setKind] = useState<'assessment' | 'report' | 'giai-trinh'>('assessment');
  const [exportYear, setExportYear] = useState(String(year));
  const [period, setPeriod] = useState<ReportPeriodCode>('q1');
  const [message, setMessage] = useState<Message | null>(null);
  const { job, follow } = useJob((done) => {
    setMessage(jobMessage(done, t.exported));
    if (done.state === 'done' && done.download) startDownload(done.download);
  });

  async function start() {
    setMessage(null);
    const y = Number(exportYear);
    const subject =
      kind === 'giai-trinh' ? { kind: 'assessment' as const, year: y, giaiTrinhRound: 1 as const } : kind === 'assessment' ? { kind, year: y } : { kind, year: y, period };
    const r = await api.call('package/export', { subject });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    // Null: the officer closed the save dialog.
    if (r.value) follow(r.value);
  }

  return (
    <div className="panel" role="group" aria-label={t.exportTitle}>
      <h2>{t.exportTitle}</h2>
      <div className="row">
        <label className="field narrow">
          <span>{t.exportKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'assessment' | 'report' | 'giai-trinh')}>
            <option value="assessment">{t.kindAssessment}</option>
            <option value="report">{t.kindReport}</option>
            <option value="giai-trinh">{t.kindGiaiTrinh}</option>
          </select>
        </label>
        <label className="field narrow">
          <span>{t.year}</span>
          <input inputMode="numeric" value={exportYear} onChange={(e) => setExportYear(e.target.value)} />
        </label>
        {kind === 'report' && (
          <label className="field narrow">
            <span>{t.period}</span>
            <select value={period} onChange={(e) => setPeriod(e.target.value as ReportPeriodCode)}>
              {REPORT_PERIOD_CODES.map((code) => (
                <option key={code} value={code}>
                  {t.periodName(code)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {/^\d{4}$/.test(exportYear) && kind !== 'giai-trinh' && (
        <PreSendCheck
          subject={{ kind, key: kind === 'assessment' ? exportYear : `${exportYear}:${period}` }}
          action="export"
          onOpen={onOpenReview ? (target) => target.type === 'version' && onOpenReview() : undefined}
        />
      )}
      <WriteZipControls buttonLabel={t.exportButton} onStart={() => void start()} job={job} message={message} />
    </div>
  );
}

function VerifyPanel({ onOpened }: { onOpened: (p: OpenedPackage) => void }) {
  const api = useApi();
  const [input, setInput] = useState<{ zip: ZipInput; name: string; file?: File } | null>(null);
  const [report, setReport] = useState<PackageVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify(zip: ZipInput, name: string, file?: File) {
    setBusy(true);
    setReport(null);
    setError(null);
    setNote(null);
    const r = await api.call('package/verify', zip);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setInput({ zip, name, ...(file ? { file } : {}) });
    setReport(r.value);
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    await verify(await zipFromFile(file), file.name, file);
  }

  async function open() {
    if (!input) return;
    setBusy(true);
    // A desktop grant is used up by the check: a picked file gets a fresh one.
    const r = await api.call('package/open', input.file ? await zipFromFile(input.file) : input.zip);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    if (!r.value.ok) return setReport({ ok: false, problems: r.value.problems, manifest: null, checkedFiles: 0 });
    setNote(r.value.alreadyOpen ? t.alreadyOpen : t.opened);
    onOpened(r.value.opened);
  }

  return (
    <div className="panel" role="group" aria-label={t.verifyTitle}>
      <h2>{t.verifyTitle}</h2>
      <p className="muted small">{vi.files.verifyIntro}</p>
      <div className="row">
        <label className="file-button secondary">
          {t.chooseZip}
          <input
            type="file"
            accept=".zip"
            aria-label={t.chooseZip}
            disabled={busy}
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {busy && <p className="muted">{t.checking}</p>}
      <ErrorLine text={error} />
      {report && input && <VerifyReport report={report} name={input.name} />}
      {report?.ok && (
        <div className="row">
          <button type="button" className="secondary" disabled={busy} onClick={() => void open()}>
            {t.openButton}
          </button>
        </div>
      )}
      {note && <p role="status">{note}</p>}
    </div>
  );
}

function VerifyReport({ report, name }: { report: PackageVerification; name: string }) {
  const m = report.manifest;
  return (
    <div className="verify-report" aria-label={`Kết quả kiểm tra «${name}»`} role="region">
      {m && (
        <p className="small">
          {m.unit.name} — {subjectLabel(m)}, {t.colVersion.toLowerCase()} {m.version}, {t.approvedBy.toLowerCase()} {m.approval.by} ({formatInstantVi(m.approval.at)})
        </p>
      )}
      {report.ok ? (
        <SuccessLine text={t.valid(report.checkedFiles)} />
      ) : (
        <div className="error" role="alert" aria-label={t.invalid(report.problems.length)}>
          <strong>{t.invalid(report.problems.length)}</strong>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                <span className="tag">{t.problemKinds[p.kind] ?? p.kind}</span> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function OpenedView({ pkg, onClose, onOpenAssessment }: { pkg: OpenedPackage; onClose: () => void; onOpenAssessment: (year: number) => void }) {
  const m = pkg.manifest;
  const { can } = useAuth();
  return (
    <div className="panel" role="region" aria-label={`Gói ${m.unit.name} — ${subjectLabel(m)}`}>
      <div className="row between">
        <h2>
          {m.unit.name} — {subjectLabel(m)} ({t.colVersion.toLowerCase()} {m.version})
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="muted small">{t.readOnly}</p>
      <dl className="facts">
        <dt>{t.approvedBy}</dt>
        <dd>{m.approval.by}</dd>
        <dt>{t.approvedAt}</dt>
        <dd>{formatInstantVi(m.approval.at)}</dd>
        {m.approval.comment && (
          <>
            <dt>{t.comment}</dt>
            <dd>{m.approval.comment}</dd>
          </>
        )}
        <dt>{t.snapshot}</dt>
        <dd className="mono">{m.snapshotSha256}</dd>
        <dt>{t.folder}</dt>
        <dd className="mono">{pkg.folder}</dd>
      </dl>
      <h3>{t.files}</h3>
      <table className="grid" aria-label={t.files}>
        <thead>
          <tr>
            <th>{t.colPath}</th>
            <th>{t.colRole}</th>
            <th className="num">{t.colSize}</th>
            <th>{t.colHash}</th>
          </tr>
        </thead>
        <tbody>
          {m.files.map((f) => (
            <tr key={f.path}>
              <td>{f.path}</td>
              <td>
                {t.roles[f.role] ?? f.role}
                {f.itemCode ? ` ${f.itemCode}` : ''}
              </td>
              <td className="num">{formatBytesVi(f.size)}</td>
              <td className="mono small" title={f.sha256}>
                {f.sha256.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.subject.kind === 'assessment' && !m.subject.giaiTrinhRound && can('package/continue') && <ContinuePanel pkg={pkg} year={m.year} onOpenAssessment={onOpenAssessment} />}
    </div>
  );
}

/** Officer: starts this machine's draft of the year from the package, after a confirmation. */
function ContinuePanel({ pkg, year, onOpenAssessment }: { pkg: OpenedPackage; year: number; onOpenAssessment: (year: number) => void }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ContinueSummary | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const r = await api.call('package/continue', { id: pkg.id });
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error.message);
    setSummary(r.value);
  }

  if (summary) return <ContinueReport summary={summary} onOpenAssessment={onOpenAssessment} />;
  return (
    <div className="continue-panel">
      <p className="muted small">{t.continueIntro}</p>
      {asking ? (
        <div className="panel confirm-box" role="alertdialog" aria-labelledby="continue-title">
          <h2 id="continue-title">{t.continueConfirmTitle(year)}</h2>
          <p>{t.continueConfirmBody}</p>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
              {t.continueConfirm}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(false)}>
              {t.cancel}
            </button>
          </div>
          {busy && <p className="muted">{t.continuing}</p>}
        </div>
      ) : (
        <div className="row">
          <button type="button" className="primary" onClick={() => setAsking(true)}>
            {t.continueButton}
          </button>
        </div>
      )}
      <ErrorLine text={error} />
    </div>
  );
}

function ContinueReport({ summary: s, onOpenAssessment }: { summary: ContinueSummary; onOpenAssessment: (year: number) => void }) {
  return (
    <div className="continue-panel" role="region" aria-label={t.continueButton}>
      <SuccessLine text={t.continueDone(s.itemsCarried, s.year)} />
      <p>{t.continueEvidence(s.evidence.imported, s.evidence.alreadyStored, s.evidence.linked)}</p>
      <p>{t.continueTotal(formatPointsVi(s.total), formatPointsVi(s.approvedTotal))}</p>
      {s.notCarried.length > 0 && (
        <>
          <h3>{t.continueNotCarried}</h3>
          <ul>
            {s.notCarried.map((n) => (
              <li key={n.code}>
                <strong>{n.code}</strong>: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {s.missingFiles.length > 0 && (
        <>
          <h3>{t.continueMissingFiles}</h3>
          <ul>
            {s.missingFiles.map((f, i) => (
              <li key={i}>
                <strong>{f.itemCode}</strong>: {f.name}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="row">
        <button type="button" className="link" onClick={() => onOpenAssessment(s.year)}>
          {t.openAssessment(s.year)}
        </button>
      </div>
    </div>
  );
}
