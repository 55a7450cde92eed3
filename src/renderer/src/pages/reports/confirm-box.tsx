import { useEffect, useRef, type ReactNode } from 'react';
import { vi } from '../../i18n/vi';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before an action that changes the report in bulk; focus goes to it, Escape cancels. */
export function ConfirmBox({ title, children, confirmLabel, busy = false, onConfirm, onCancel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      className="panel confirm-box"
      role="alertdialog"
      aria-labelledby="confirm-title"
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="confirm-title">{title}</h2>
      {children}
      <div className="row">
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {vi.reports.actions.cancel}
        </button>
      </div>
    </div>
  );
}
