import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageManifestSchema, type PackageManifest, type ZipProblem } from '../../../shared/exchange/manifest';
import { AppError } from '../errors';
import { hashFile } from '../evidence/file-store';
import { verifyPackage } from './package-verify';
import { isAlive } from '../process-alive';
import { syncDirectory } from '../sync-directory';

/**
 * Opening a package received from another machine, read-only: it is verified and extracted in
 * the same pass into a temp folder beside the others, and renamed to packages/<SHA-256 of the
 * zip>/ only when every file matched its manifest. The same zip opened twice is the same folder.
 *
 *   packages/<sha>/goi.json        when it was opened and from which file name
 *   packages/<sha>/manifest.json   the verified manifest
 *   packages/<sha>/noi-dung/…      the files, under the paths the manifest lists
 */

export interface OpenedPackageInfo {
  id: string;
  openedAt: string;
  sourceName: string;
  folder: string;
  manifest: PackageManifest;
}

export type OpenPackageResult = { ok: true; opened: OpenedPackageInfo; alreadyOpen: boolean } | { ok: false; problems: ZipProblem[] };

const ID = /^[0-9a-f]{64}$/;

export function packagesRoot(dataDir: string): string {
  return join(dataDir, 'packages');
}

export async function openPackage(dataDir: string, zipPath: string, sourceName: string, now: Date): Promise<OpenPackageResult> {
  const root = packagesRoot(dataDir);
  await mkdir(root, { recursive: true });
  await removeStaleExtractions(root);
  const { sha256: id } = await hashFile(zipPath);
  const existing = await readOpened(dataDir, id);
  if (existing) return { ok: true, opened: existing, alreadyOpen: true };

  const temp = join(root, `.tmp-${process.pid}-${randomUUID()}`);
  await mkdir(join(temp, 'noi-dung'), { recursive: true });
  try {
    const result = await verifyPackage(zipPath, { extractTo: join(temp, 'noi-dung') });
    if (!result.ok || !result.manifest) return { ok: false, problems: result.problems };
    const meta = { id, openedAt: now.toISOString(), sourceName };
    await writeFile(join(temp, 'goi.json'), JSON.stringify(meta, null, 2), { flush: true });
    await writeFile(join(temp, 'manifest.json'), JSON.stringify(result.manifest, null, 2), { flush: true });
    const final = join(root, id);
    if (existsSync(final)) {
      // Opened meanwhile by another window or the CLI: theirs is as good as ours.
      const other = await readOpened(dataDir, id);
      if (other) return { ok: true, opened: other, alreadyOpen: true };
      await rm(final, { recursive: true, force: true });
    }
    await rename(temp, final);
    syncDirectory(root);
    return { ok: true, opened: { ...meta, folder: final, manifest: result.manifest }, alreadyOpen: false };
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Temp folders of an open that was killed mid-way (its process is gone). */
async function removeStaleExtractions(root: string): Promise<void> {
  for (const name of await readdir(root)) {
    const pid = Number(/^\.tmp-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await rm(join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

export async function readOpened(dataDir: string, id: string): Promise<OpenedPackageInfo | null> {
  if (!ID.test(id)) return null;
  const folder = join(packagesRoot(dataDir), id);
  try {
    const meta = JSON.parse(await readFile(join(folder, 'goi.json'), 'utf8')) as { openedAt?: unknown; sourceName?: unknown };
    const manifest = packageManifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    return { id, openedAt: String(meta.openedAt ?? ''), sourceName: String(meta.sourceName ?? ''), folder, manifest };
  } catch {
    return null;
  }
}

export async function getOpenedPackage(dataDir: string, id: string): Promise<OpenedPackageInfo> {
  const found = await readOpened(dataDir, id);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy gói đã mở này (có thể thư mục dữ liệu đã bị dọn).');
  return found;
}

/** Newest first; half-opened temp folders (a crash mid-extract) are not packages and are skipped. */
export async function listOpenedPackages(dataDir: string): Promise<OpenedPackageInfo[]> {
  let names: string[];
  try {
    names = await readdir(packagesRoot(dataDir));
  } catch {
    return [];
  }
  const found: OpenedPackageInfo[] = [];
  for (const name of names) {
    if (!ID.test(name)) continue;
    const opened = await readOpened(dataDir, name);
    if (opened) found.push(opened);
  }
  return found.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

/** Where a listed file of an opened package lies on disk. */
export function openedFilePath(opened: OpenedPackageInfo, entryPath: string): string {
  return join(opened.folder, 'noi-dung', ...entryPath.split('/'));
}

/**
 * Checks an opened folder again against its manifest before anything is taken from it: every
 * listed file present with its size and SHA-256, and nothing else under noi-dung/. The folder
 * sits in the data folder where anyone with the disk can edit it.
 */
export async function verifyOpenedFolder(opened: OpenedPackageInfo): Promise<ZipProblem[]> {
  const problems: ZipProblem[] = [];
  const listed = new Set<string>();
  for (const f of opened.manifest.files) {
    listed.add(f.path.normalize('NFC'));
    const path = openedFilePath(opened, f.path);
    let actual: { sha256: string; size: number };
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      actual = await hashFile(path);
    } catch {
      problems.push({ kind: 'missing', entry: f.path, message: `Thiếu tệp «${f.path}» trong thư mục gói đã mở.` });
      continue;
    }
    if (actual.size !== f.size || actual.sha256 !== f.sha256) {
      problems.push({ kind: 'altered', entry: f.path, message: `Tệp «${f.path}» đã bị thay đổi sau khi mở gói (không còn khớp SHA-256 trong tệp kê khai).` });
    }
  }
  for (const rel of await listFilesUnder(join(opened.folder, 'noi-dung'))) {
    if (!listed.has(rel.normalize('NFC'))) problems.push({ kind: 'extra', entry: rel, message: `Tệp «${rel}» không có trong tệp kê khai của gói.` });
  }
  return problems;
}

/** Every file below `root` as a "/"-joined relative path (links and specials count as files: extra). */
async function listFilesUnder(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(join(root, prefix), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFilesUnder(root, rel)));
    else out.push(rel);
  }
  return out;
}
