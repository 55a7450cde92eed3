import { useState } from 'react';
import type { PlanImportResult } from '../../../../shared/contract/plan';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { readFileAsBase64, saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';

const t = vi.plan;

function changesOf(r: PlanImportResult): string[] {
  return [
    ...r.updated.map((u) => t.updatedLine(u.code, u.fields.map((f) => t.fieldNames[f] ?? f).join(', '))),
    ...(r.notInFile.length ? [t.notInFile(r.notInFile.join(', '))] : []),
    ...r.notes,
  ];
}

/** Import from Excel/JSON: check first (every error listed), then import on the officer's word. */
export function PlanImportPanel({ year, onImported }: { year: number; onImported(): void }) {
  const api = useApi();
  const [pending, setPending] = useState<{ fileName: string; contentBase64: string; result: PlanImportResult } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    setPending(null);
    setBusy(true);
    const contentBase64 = await readFileAsBase64(file);
    const r = await api.call('plan/import', { fileName: file.name, contentBase64, year, preview: true });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setPending({ fileName: file.name, contentBase64, result: r.value });
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    const r = await api.call('plan/import', { fileName: pending.fileName, contentBase64: pending.contentBase64, year });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setPending(null);
    setMessage({ kind: r.value.ok ? 'success' : 'error', text: r.value.ok ? t.importedLine(r.value.created.length, r.value.updated.length, r.value.unchanged.length) : t.errors(r.value.errors.length) });
    onImported();
  }

  async function template() {
    const r = await api.call('plan/template', {});
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    saveBase64File(r.value.fileName, r.value.contentBase64);
  }

  const result = pending?.result;
  return (
    <section className="panel" aria-labelledby="plan-import-title">
      <h2 id="plan-import-title">{t.import}</h2>
      <p className="muted small">{t.importIntro}</p>
      <div className="row">
        <label className="secondary file-button">
          {busy ? t.checking : t.chooseFile}
          <input type="file" accept=".xlsx,.json" hidden aria-label={t.chooseFile} disabled={busy} onChange={(e) => {
              void choose(e.target.files?.[0]);
              // The same file chosen again (after fixing it) must fire again.
              e.target.value = '';
            }} />
        </label>
        <button type="button" className="link" onClick={() => void template()}>
          {t.template}
        </button>
      </div>
      {result && !result.ok && (
        <div className="error" role="alert" data-testid="plan-import-errors">
          <p>{t.errors(result.errors.length)}</p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                <strong title={e.ref}>{e.where}</strong>
                {e.ref && <span className="mono muted small"> ({e.ref})</span>}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && (
        <div className="success" role="status">
          <p>{t.previewLine(result.created.length, result.updated.length, result.unchanged.length)}</p>
          {changesOf(result).length > 0 && (
            <ul>
              {changesOf(result).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
            {t.confirmImport}
          </button>
        </div>
      )}
      <MessageLine message={message} />
    </section>
  );
}
