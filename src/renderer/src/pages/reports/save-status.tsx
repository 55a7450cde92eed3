import { vi } from '../../i18n/vi';
import type { SaveState } from './use-autosave';

const t = vi.reports.save;

/** "Đang lưu…" while typing is on its way to main, "Đã lưu" once it is kept, the reason if not. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <span className={state.kind === 'error' ? 'save-state field-error' : 'save-state'} role="status" data-testid="report-save-state">
      {(state.kind === 'pending' || state.kind === 'saving') && t.saving}
      {state.kind === 'saved' && t.saved}
      {state.kind === 'error' && state.message}
    </span>
  );
}
