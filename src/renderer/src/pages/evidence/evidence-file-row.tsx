import { useState } from 'react';
import type { EvidenceFileView, EvidenceTarget } from '../../../../shared/contract/evidence';
import type { Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { DocumentFacts } from './document-facts';
import { canPreview, linkedItems } from './evidence-format';
import { FileMetaEditor } from './file-meta-editor';
import { FilePreview } from './file-preview';
import { LinkLocation } from './link-location';
import { YearMismatchWarning } from './year-mismatch';
import { OpenFileButton } from './open-file-button';

const t = vi.evidence.file;

interface Props {
  file: EvidenceFileView;
  year: number;
  code: string;
  /** What this panel links to: the item (year, code) or a report section. */
  target: EvidenceTarget;
  /** Opens the metadata editor at once (a file just attached, still unconfirmed). */
  editOnMount: boolean;
  onChanged(): void;
  onUnlink(file: EvidenceFileView, removeFileIfUnused: boolean): Promise<void>;
  onLocation(file: EvidenceFileView, location: string): Promise<void>;
  onOpenItem?(code: string): void;
  onMessage(message: Message): void;
}

/** One linked file: its facts, the other items it supports, and what the officer can do with it. */
export function EvidenceFileRow({ file, year, code, target, editOnMount, onChanged, onUnlink, onLocation, onOpenItem, onMessage }: Props) {
  const [editing, setEditing] = useState(editOnMount);
  const [previewing, setPreviewing] = useState(false);
  const [confirmUnlink, setConfirmUnlink] = useState(false);
  const [removeIfUnused, setRemoveIfUnused] = useState(false);
  const others = linkedItems(file).filter((l) => !(target.type === 'item' && l.year === year && l.code === code));
  const here = file.links.find((l) => l.type === target.type && l.key === target.key);

  return (
    <li className="evidence-file" aria-label={file.originalName}>
      <DocumentFacts file={file} />
      {target.type === 'item' && <YearMismatchWarning file={file} only={{ year, code }} />}
      {others.length > 0 && (
        <p className="small muted">
          {t.alsoSupports}:{' '}
          {others.map((o, i) => (
            <span key={`${o.year}:${o.code}`}>
              {i > 0 && ', '}
              {o.year === year && onOpenItem ? (
                <button type="button" className="link" onClick={() => onOpenItem(o.code)}>
                  {o.code}
                </button>
              ) : (
                `${o.code} (${o.year})`
              )}
            </span>
          ))}
        </p>
      )}
      <LinkLocation key={here?.location ?? ''} fileName={file.originalName} saved={here?.location ?? ''} onSave={(location) => onLocation(file, location)} />
      <div className="row file-actions">
        <button type="button" className={file.metaConfirmed ? 'secondary' : 'primary'} aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t.editMeta}
        </button>
        {canPreview(file) && (
          <button type="button" className="secondary" aria-expanded={previewing} onClick={() => setPreviewing((p) => !p)}>
            {t.preview}
          </button>
        )}
        <OpenFileButton file={file} onMessage={onMessage} />
        <button type="button" className="secondary" onClick={() => setConfirmUnlink(true)}>
          {t.unlink}
        </button>
      </div>
      {confirmUnlink && (
        <div className="confirm" role="alertdialog" aria-label={t.unlink}>
          <p>
            {t.unlinkConfirm(file.originalName, code)} {!removeIfUnused && t.keptInStore}
          </p>
          {others.length === 0 && file.links.length <= 1 && (
            <label className="inline">
              <input type="checkbox" checked={removeIfUnused} onChange={(e) => setRemoveIfUnused(e.target.checked)} />
              {t.removeIfUnused}
            </label>
          )}
          <div className="row">
            <button type="button" className="primary" onClick={() => void onUnlink(file, removeIfUnused).finally(() => setConfirmUnlink(false))}>
              {t.unlinkYes}
            </button>
            {/* Keyboard focus moves into the question, onto the harmless answer. */}
            <button type="button" className="secondary" autoFocus onClick={() => setConfirmUnlink(false)}>
              {vi.evidence.meta.cancel}
            </button>
          </div>
        </div>
      )}
      {editing && (
        <FileMetaEditor
          fileId={file.id}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onMessage({ kind: 'success', text: vi.evidence.meta.saved });
            onChanged();
          }}
        />
      )}
      {previewing && <FilePreview fileId={file.id} name={file.originalName} onClose={() => setPreviewing(false)} />}
    </li>
  );
}
