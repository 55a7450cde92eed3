import { useCallback, useEffect, useState } from 'react';
import type { CriteriaError, CriteriaPreview, CriteriaSetSummary } from '../../../../shared/contract/criteria';
import { UNIT_TYPE_LABELS } from '../../../../shared/profile-labels';
import { formatDateVi, formatNumberVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { MessageLine, type Message } from '../../components/message-line';
import { readFileAsBase64, saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';
import { SetBrowser } from './set-browser';

const t = vi.criteria;

/** Criteria sets: what is installed, import a province's set (preview first), export, template. */
export function CriteriaPage() {
  const api = useApi();
  const canImport = useAuth().can('criteria/import');
  const [sets, setSets] = useState<CriteriaSetSummary[]>([]);
  const [pending, setPending] = useState<{ fileName: string; contentBase64: string; preview: CriteriaPreview } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  /** The set version being browsed item by item, if any. */
  const [browsing, setBrowsing] = useState<{ id: string; version: number } | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('criteria/list', {});
    if (r.ok) setSets(r.value);
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function choose(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    setBusy(true);
    const contentBase64 = await readFileAsBase64(file);
    const r = await api.call('criteria/preview', { fileName: file.name, contentBase64 });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setPending({ fileName: file.name, contentBase64, preview: r.value });
  }

  async function confirmImport() {
    if (!pending) return;
    setBusy(true);
    const r = await api.call('criteria/import', { fileName: pending.fileName, contentBase64: pending.contentBase64 });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setPending(null);
    setMessage({
      kind: 'success',
      text: r.value.created ? t.imported(r.value.summary.name, r.value.summary.version) : t.alreadyThere(r.value.summary.name),
    });
    await reload();
  }

  async function download(channel: 'criteria/export' | 'criteria/template', input: Record<string, unknown>) {
    const r = channel === 'criteria/template' ? await api.call('criteria/template', {}) : await api.call('criteria/export', input as never);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    saveBase64File(r.value.fileName, r.value.contentBase64);
  }

  return (
    <section>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <div className="row">
        {canImport && (
          <label className="file-button primary">
            {t.importButton}
            <input type="file" accept=".json,.xlsx" aria-label={t.importButton} onChange={(e) => void choose(e.target.files?.[0])} disabled={busy} />
          </label>
        )}
        <button type="button" className="secondary" onClick={() => void download('criteria/template', {})}>
          {t.template}
        </button>
      </div>

      <MessageLine message={message} />

      {pending && <PreviewPanel preview={pending.preview} fileName={pending.fileName} busy={busy} onConfirm={() => void confirmImport()} onCancel={() => setPending(null)} />}

      {browsing && <SetBrowser key={`${browsing.id}@${browsing.version}`} id={browsing.id} version={browsing.version} onClose={() => setBrowsing(null)} />}

      <h2>{t.installed}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t.name}</th>
            <th>{t.year}</th>
            <th>{t.unitType}</th>
            <th className="num">{t.version}</th>
            <th className="num">{t.items}</th>
            <th>{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => (
            <tr key={`${s.id}@${s.version}`}>
              <td>
                {s.name} {s.isSample && <span className="tag">{t.sample}</span>}{' '}
                {s.warnings.length > 0 && (
                  <details className="small">
                    <summary className="tag warn">{t.warningsTag(s.warnings.length)}</summary>
                    <ul>
                      {s.warnings.map((w, i) => (
                        <li key={i}>{w.message}</li>
                      ))}
                    </ul>
                  </details>
                )}
                {s.decision && (
                  <div className="muted small">
                    {t.decision(s.decision.number, formatDateVi(s.decision.date), s.decision.issuer)}
                  </div>
                )}
              </td>
              <td>{s.year}</td>
              <td>{UNIT_TYPE_LABELS[s.unitType]}</td>
              <td className="num">{s.version}</td>
              <td className="num">{s.selfScoredCount}/{s.leafCount}</td>
              <td>
                <button type="button" className="link" onClick={() => setBrowsing({ id: s.id, version: s.version })}>
                  {vi.setBrowser.open}
                </button>{' '}
                <button type="button" className="link" onClick={() => void download('criteria/export', { id: s.id, version: s.version, format: 'xlsx' })}>
                  Excel
                </button>{' '}
                <button type="button" className="link" onClick={() => void download('criteria/export', { id: s.id, version: s.version, format: 'json' })}>
                  JSON
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PreviewPanel(props: { preview: CriteriaPreview; fileName: string; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { preview } = props;
  if (!preview.ok) {
    return (
      <div className="panel" role="alert" aria-label={t.errorsTitle}>
        <h2>{t.errorsTitle}</h2>
        <p>{t.errorsIntro(props.fileName, preview.errors.length)}</p>
        <table className="grid">
          <thead>
            <tr>
              <th>{t.where}</th>
              <th>{t.problem}</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.map((e, i) => (
              <tr key={i}>
                <td title={e.ref}>{e.where}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t.close}
        </button>
      </div>
    );
  }
  const set = preview.set!;
  return (
    <div className="panel" aria-label={t.previewTitle}>
      <h2>{t.previewTitle}</h2>
      <p>
        <strong>{set.name}</strong> — {t.year} {set.year}, {UNIT_TYPE_LABELS[set.unitType]}, {t.scale} {formatNumberVi(set.scaleMax)}
      </p>
      <table className="grid">
        <thead>
          <tr>
            <th>{t.domain}</th>
            <th className="num">{t.maxPoints}</th>
            <th className="num">{t.items}</th>
          </tr>
        </thead>
        <tbody>
          {preview.domains.map((d) => (
            <tr key={d.code}>
              <td>
                {d.code}. {d.title}
              </td>
              <td className="num">{formatNumberVi(d.maxPoints)}</td>
              <td className="num">{d.selfScoredCount}/{d.leafCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WarningList warnings={preview.warnings} />
      <div className="row">
        <button type="button" className="primary" onClick={props.onConfirm} disabled={props.busy}>
          {t.confirm}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}

/** Warnings of a valid set (declared TC/TCTP counts that differ from the content): shown, not blocking. */
function WarningList(props: { warnings: readonly CriteriaError[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <div role="status" aria-label={t.warningsTitle(props.warnings.length)}>
      <p className="warn-text">{t.warningsTitle(props.warnings.length)}</p>
      <ul>
        {props.warnings.map((w, i) => (
          <li key={i}>
            <span className="mono">{w.where}</span>: {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
