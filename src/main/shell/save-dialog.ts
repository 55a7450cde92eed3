import { app, dialog, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { writeFileAtomically } from '../host/write-file-atomically';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.docx': { name: 'Văn bản Word', extensions: ['docx'] },
  '.xlsx': { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  '.zip': { name: 'Tệp nén', extensions: ['zip'] },
};

/** The system's "save as" dialog; the path the officer chose, or null when they cancel. */
async function showSaveDialog(window: BrowserWindow | undefined, suggestedName: string, title: string): Promise<string | null> {
  const filter = FILTERS[extname(suggestedName).toLowerCase()];
  const options = {
    title,
    buttonLabel: 'Lưu',
    defaultPath: join(app.getPath('documents'), suggestedName),
    // Windows and macOS always ask before returning an existing name; GTK only when told to.
    properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    ...(filter ? { filters: [filter] } : {}),
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return result.filePath;
}

/** The desktop's "save as": the officer picks the folder and name; null when they cancel. */
export async function saveWithDialog(window: BrowserWindow | undefined, suggestedName: string, data: Buffer): Promise<string | null> {
  const path = await showSaveDialog(window, suggestedName, 'Lưu văn bản');
  if (!path) return null;
  await writeFileAtomically(path, data);
  return path;
}

/**
 * Where main should write an export or backup: the dialog's answer, and whether it names a file
 * that already exists (the dialog has then asked the officer to replace it).
 */
export async function chooseSavePath(window: BrowserWindow | undefined, suggestedName: string): Promise<{ path: string; replaceConfirmed: boolean } | null> {
  const path = await showSaveDialog(window, suggestedName, 'Lưu tệp');
  return path ? { path, replaceConfirmed: existsSync(path) } : null;
}
