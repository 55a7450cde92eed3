import type { EvidenceFileView } from '../../../../shared/contract/evidence';
import { isExecutableName } from '../../../../shared/executable-names';
import { useApi } from '../../api/context';
import type { Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.evidence.file;

/**
 * «Mở» for a document; for a program or script (which the system would run, and main refuses to
 * open) «Hiện trong thư mục» instead, which only shows the file in the file manager.
 */
export function OpenFileButton({ file, onMessage }: { file: Pick<EvidenceFileView, 'id' | 'originalName'>; onMessage(message: Message): void }) {
  const api = useApi();
  const executable = isExecutableName(file.originalName);

  async function open() {
    const r = await api.call('evidence/open', { fileId: file.id });
    onMessage(r.ok ? { kind: 'success', text: t.opened(file.originalName) } : { kind: 'error', text: r.error.message });
  }

  async function showInFolder() {
    const r = await api.call('evidence/show-in-folder', { fileId: file.id });
    onMessage(r.ok ? { kind: 'success', text: t.shownInFolder(file.originalName) } : { kind: 'error', text: r.error.message });
  }

  return executable ? (
    <button type="button" className="secondary" title={t.showInFolderTitle(file.originalName)} onClick={() => void showInFolder()}>
      {t.showInFolder}
    </button>
  ) : (
    <button type="button" className="secondary" title={t.openTitle(file.originalName)} onClick={() => void open()}>
      {t.open}
    </button>
  );
}
