import { vi } from '../../i18n/vi';
import { FileCheck } from './file-check';
import { MissingEvidence } from './missing-evidence';
import { StoreStatus } from './store-status';

const t = vi.evidence.verify;

/** "Kiểm tra tài liệu": are the stored files intact, and which items still lack their evidence. */
export function VerifyPage({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <StoreStatus />
      <FileCheck year={year} onOpenItem={onOpenItem} />
      <MissingEvidence year={year} onOpenItem={onOpenItem} />
    </section>
  );
}
