import { app, dialog, type BrowserWindow } from 'electron';
import { extname, join } from 'node:path';
import { writeFileAtomically } from '../host/write-file-atomically';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.docx': { name: 'Văn bản Word', extensions: ['docx'] },
  '.xlsx': { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  '.zip': { name: 'Tệp nén', extensions: ['zip'] },
};

/** The desktop's "save as": the officer picks the folder and name; null when they cancel. */
export async function saveWithDialog(window: BrowserWindow | undefined, suggestedName: string, data: Buffer): Promise<string | null> {
  const filter = FILTERS[extname(suggestedName).toLowerCase()];
  const options = {
    title: 'Lưu văn bản',
    buttonLabel: 'Lưu',
    defaultPath: join(app.getPath('documents'), suggestedName),
    ...(filter ? { filters: [filter] } : {}),
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomically(result.filePath, data);
  return result.filePath;
}
