import { useRef, useState, type ReactNode } from 'react';
import { vi } from '../../i18n/vi';

const t = vi.evidence.attach;

interface Props {
  /** Accessible name of the region the zone wraps. */
  label: string;
  onFiles(files: File[]): void;
  children: ReactNode;
}

/**
 * Accepts files dragged from the file manager. A counter instead of a boolean keeps the highlight
 * steady while the pointer crosses the zone's children (each fires its own enter/leave).
 */
export function DropZone({ label, onFiles, children }: Props) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

  return (
    <section
      className={over ? 'drop-zone over' : 'drop-zone'}
      aria-label={label}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        // Without preventDefault the browser would open the file instead of dropping it here.
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      }}
    >
      {children}
      {over && <div className="drop-hint" aria-hidden>{t.dropHere}</div>}
    </section>
  );
}

/** The keyboard- and mouse-friendly way in: a button that opens the system file dialog, many files at once. */
export function FilePickButton({ label, onFiles }: { label: string; onFiles(files: File[]): void }) {
  return (
    <label className="file-button secondary">
      {label}
      <input
        type="file"
        multiple
        aria-label={label}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Clear so that choosing the same file again (after fixing it) fires change again.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </label>
  );
}
