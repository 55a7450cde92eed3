import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvidenceFileView, EvidenceTarget } from '../../../../shared/contract/evidence';
import { itemTargetKey } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { DropZone, FilePickButton } from './drop-zone';
import { EvidenceFileRow } from './evidence-file-row';
import { LinkExisting } from './link-existing';
import { UploadProgress } from './upload-progress';
import { uploadEvidenceFile } from './upload-file';
import { useUploadQueue, type UploadOne } from './use-upload-queue';

const t = vi.evidence;

interface Props {
  year: number;
  code: string;
  /** A report section's evidence key ("report:2026:q1:tthc") instead of the item (year, code). */
  sectionKey?: string;
  /** Another item key ("2026:giai-trinh-1:1.2.3": tài liệu bổ sung of a giải trình) instead of (year, code). */
  itemKey?: string;
  /** Tells the assessment views how many files the item now has. */
  onCountChange?(count: number): void;
  onOpenItem?(code: string): void;
}

/** The evidence of one scored item: attach (button or drop, many at once), describe, open, unlink. */
export function EvidencePanel({ year, code, sectionKey, itemKey, onCountChange, onOpenItem }: Props) {
  const api = useApi();
  const target: EvidenceTarget = useMemo(
    () => (sectionKey ? { type: 'report-section', key: sectionKey } : { type: 'item', key: itemKey ?? itemTargetKey(year, code) }),
    [year, code, sectionKey, itemKey],
  );
  const [files, setFiles] = useState<EvidenceFileView[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [picking, setPicking] = useState(false);
  // A lone file attached just now opens its metadata form, so the suggestions are seen at once.
  const [editFileId, setEditFileId] = useState<number | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('evidence/links', { target });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setFiles(r.value);
    onCountChange?.(r.value.length);
    // onCountChange is a fresh closure on each parent render; the target alone decides what to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, target]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const attached = useRef<number[]>([]);
  const uploadOne: UploadOne = useCallback(
    async (file, onProgress, signal) => {
      const result = await uploadEvidenceFile(api, file, [target], onProgress, signal);
      attached.current.push(result.file.id);
      const notes = [result.linksAdded === 0 ? t.attach.alreadyLinked : result.duplicate ? t.attach.alreadyStored : t.attach.done, ...result.nameNotices];
      return notes.join(' ');
    },
    [api, target],
  );
  const onBatchDone = useCallback(() => {
    if (attached.current.length === 1) setEditFileId(attached.current[0]!);
    attached.current = [];
    void reload();
  }, [reload]);
  const queue = useUploadQueue(uploadOne, onBatchDone, t.attach.cancelled);

  const startUpload = (list: File[]) => {
    setMessage(null);
    if (!queue.busy) setEditFileId(null);
    void queue.start(list);
  };

  async function unlink(file: EvidenceFileView, removeFileIfUnused: boolean) {
    const r = await api.call('evidence/unlink', { fileId: file.id, target, removeFileIfUnused });
    if (!r.ok) setMessage({ kind: 'error', text: r.error.message });
    else if (r.value.keptFor) setMessage({ kind: 'success', text: t.file.unlinkedKept(file.originalName, r.value.keptFor) });
    else setMessage({ kind: 'success', text: r.value.fileRemoved ? t.file.unlinkedAndRemoved(file.originalName) : t.file.unlinked(file.originalName) });
    await reload();
  }

  async function saveLocation(file: EvidenceFileView, location: string) {
    // Linking again with a location updates the existing link; nothing else changes.
    const r = await api.call('evidence/link', { fileId: file.id, targets: [{ ...target, location }] });
    setMessage(r.ok ? { kind: 'success', text: t.location.saved } : { kind: 'error', text: r.error.message });
    await reload();
  }

  async function linkExisting(fileId: number) {
    const r = await api.call('evidence/link', { fileId, targets: [target] });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setMessage({ kind: 'success', text: `${t.linkExisting.linked}: ${r.value.file.originalName}` });
    setPicking(false);
    await reload();
  }

  return (
    <DropZone label={t.panelTitle} onFiles={startUpload}>
      <div className="evidence-panel">
        <h3>
          {t.panelTitle} {files && <span className="count">({files.length})</span>}
        </h3>
        <div className="row">
          <FilePickButton label={t.attach.button} onFiles={startUpload} />
          <button type="button" className="secondary" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
            {t.linkExisting.button}
          </button>
        </div>
        <p className="muted small">{t.attach.hint}</p>
        <UploadProgress tasks={queue.tasks} onCancel={queue.cancel} />
        <MessageLine message={message} />
        {picking && <LinkExisting linkedIds={new Set(files?.map((f) => f.id))} onLink={linkExisting} onClose={() => setPicking(false)} />}
        {files === null ? (
          <p className="muted">{vi.loading}</p>
        ) : files.length === 0 ? (
          <p className="muted">{t.none}</p>
        ) : (
          <ul className="evidence-files">
            {files.map((file) => (
              <EvidenceFileRow
                key={file.id}
                file={file}
                year={year}
                code={code}
                target={target}
                editOnMount={file.id === editFileId && !file.metaConfirmed}
                onChanged={() => void reload()}
                onUnlink={unlink}
                onLocation={saveLocation}
                onOpenItem={onOpenItem}
                onMessage={setMessage}
              />
            ))}
          </ul>
        )}
      </div>
    </DropZone>
  );
}
