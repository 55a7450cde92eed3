import { useCallback, useEffect, useState } from 'react';
import type { DocumentWarning } from '../../../../shared/contract/assessment';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { vi } from '../../i18n/vi';

const t = vi.readiness;

/**
 * Before the self-assessment report is generated or sent: what it would print as placeholders
 * ("chưa có thuyết minh", an empty section) or as a bare file name; and the one section the
 * officer writes freely, "Khó khăn, vướng mắc và kiến nghị".
 */
export function DossierReadiness({ year, withNote = false }: { year: number; withNote?: boolean }) {
  const api = useApi();
  const { can } = useAuth();
  const [warnings, setWarnings] = useState<DocumentWarning[] | null>(null);
  const [note, setNote] = useState<{ saved: string; text: string } | null>(null);
  const [state, setState] = useState<string | null>(null);

  const load = useCallback(async () => {
    const w = await api.call('assessment/document-warnings', { year });
    setWarnings(w.ok ? w.value : null);
  }, [api, year]);
  useEffect(() => {
    void load();
    if (withNote) void api.call('assessment/note-get', { year, key: 'kho-khan-kien-nghi' }).then((r) => r.ok && setNote({ saved: r.value, text: r.value }));
  }, [api, year, load, withNote]);

  async function saveNote() {
    if (!note || note.text === note.saved) return;
    const r = await api.call('assessment/note-save', { year, key: 'kho-khan-kien-nghi', text: note.text });
    setState(r.ok ? t.saved : r.error.message);
    if (r.ok) {
      setNote({ saved: r.value, text: r.value });
      await load();
    }
  }

  return (
    <section className="panel" aria-label={t.title} data-testid="dossier-readiness">
      <h2>{t.title}</h2>
      {warnings && warnings.length === 0 && <p className="ok-text">{t.ready}</p>}
      {warnings && warnings.length > 0 && (
        <>
          <p className="warn-text">{t.intro}</p>
          <ul data-testid="dossier-warnings">
            {warnings.map((w) => (
              <li key={w.kind}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
      {withNote && note && (
        <label className="field">
          <span>{t.difficulties}</span>
          <textarea rows={4} value={note.text} readOnly={!can('assessment/note-save')} placeholder={t.difficultiesHint} onChange={(e) => setNote({ ...note, text: e.target.value })} onBlur={() => void saveNote()} data-testid="kho-khan" />
        </label>
      )}
      {state && <p className="muted small" role="status">{state}</p>}
    </section>
  );
}
