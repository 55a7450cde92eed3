import { useState } from 'react';
import { vi } from '../../i18n/vi';

const t = vi.evidence.location;

/**
 * Where in the file the evidence is ("trang 3, mục II"): required when only a part of a document
 * supports the item, and kept per link, since one file may support two items in different places.
 */
export function LinkLocation({ fileName, saved, onSave }: { fileName: string; saved: string; onSave(location: string): Promise<void> }) {
  const [text, setText] = useState(saved);
  const [saving, setSaving] = useState(false);
  const changed = text.trim() !== saved;
  return (
    <form
      className="row link-location"
      aria-label={t.formLabel(fileName)}
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void onSave(text.trim()).finally(() => setSaving(false));
      }}
    >
      <label className="field grow">
        <span>{t.label}</span>
        <input value={text} placeholder={t.placeholder} maxLength={300} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="secondary" disabled={!changed || saving}>
        {t.save}
      </button>
    </form>
  );
}
