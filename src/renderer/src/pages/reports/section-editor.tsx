import { useId, type ReactNode } from 'react';
import { vi } from '../../i18n/vi';
import { SaveStatus } from './save-status';
import { useAutosave } from './use-autosave';

interface Props {
  title: string;
  /** What the outline asks for in this section, shown above the text box. */
  guidance?: string;
  /** A remark above the text, e.g. that it was carried from the previous period. */
  note?: string | undefined;
  initial: string;
  /** The section's tài liệu kiểm chứng (the evidence panel, linked to this section). */
  evidence: ReactNode;
  /** Resolves to an error message, or null once main has kept the text. */
  onSave(text: string): Promise<string | null>;
}

const t = vi.reports.editor;

/**
 * One section of the report as plain text: a blank line starts a paragraph, "- " or "+ " a bullet.
 * Mount it with `key` = section id so switching sections saves the old one and loads the new.
 */
export function SectionEditor({ title, guidance, note, initial, evidence, onSave }: Props) {
  const { text, setText, state, flush } = useAutosave(initial, onSave);
  const hintId = useId();
  const textId = useId();
  return (
    <article className="section-editor" aria-labelledby="report-section-title">
      <div className="row between">
        <h2 id="report-section-title">{title}</h2>
        <SaveStatus state={state} />
      </div>
      {guidance && <p className="guidance">{guidance}</p>}
      {note && <p className="warn-text small">{note}</p>}
      {/* A label wrapping the box would count the text typed into the box's accessible name. */}
      <div className="field">
        <label htmlFor={textId}>{t.textLabel}</label>
        <textarea id={textId} rows={16} value={text} aria-describedby={hintId} onChange={(e) => setText(e.target.value)} onBlur={() => void flush()} />
      </div>
      <p id={hintId} className="muted small">
        {t.formatHint}
      </p>
      {evidence}
    </article>
  );
}
