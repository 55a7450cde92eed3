import type { ZipProblem } from '../../../shared/exchange/manifest';
import { describeIssues } from '../validation-messages';
import { isDiskFull } from '../disk-full';
import type { z } from 'zod';
import { DEFAULT_LIMITS, digestEntry, ensureParent, entryReadProblem, locateEntry, openZipSafely, readSmallEntry, targetInside, type EntryDigest, type ZipEntryInfo, type ZipLimits } from './zip-read';

/**
 * Checks a zip against the manifest inside it: every listed file present with its size and
 * SHA-256, nothing else present, and (optionally) extracts it while checking. Shared by the
 * submission package and the backup, which differ only in their manifest.
 */

export interface VerifyZipOptions<M> {
  manifestName: string;
  schema: z.ZodType<M>;
  filesOf(manifest: M): readonly { path: string; sha256: string; size: number }[];
  limits?: ZipLimits;
  /** Extract every file under this folder while verifying (it must exist and be empty). */
  extractTo?: string;
  onBytes?: (n: number) => void;
  /**
   * The writer's own check of a zip it has just written: its bytes were already read back from
   * the disk and proved, every file against its SHA-256 and every other byte against its CRC-32
   * (zip-read-back.ts). So here: structure, hostile entries, the manifest, presence and
   * sizes, and each entry's data range inside the file, without reading the data a third time.
   * Anything received from elsewhere gets the full check (SHA-256 of every file).
   */
  justWritten?: boolean;
}

export interface VerifyZipResult<M> {
  ok: boolean;
  problems: ZipProblem[];
  manifest: M | null;
  /** What was actually found, entry by entry (only the entries that could be read). */
  found: Map<string, EntryDigest>;
  /** Every entry's name in the central directory (empty when the zip was refused on opening). */
  names: Set<string>;
}

function finish<M>(problems: ZipProblem[], manifest: M | null, found: Map<string, EntryDigest>, names: Set<string>): VerifyZipResult<M> {
  const shown = problems.length > MAX_LISTED ? [...problems.slice(0, MAX_LISTED), { kind: problems[MAX_LISTED]!.kind, message: `… và ${problems.length - MAX_LISTED} vấn đề khác.` }] : problems;
  return { ok: problems.length === 0, problems: shown, manifest, found, names };
}

const MAX_LISTED = 200;

/**
 * The first `count` problems' messages, run together for an error message the officer reads.
 * With `countRest`, a tail says how many more there were ("… và 3 vấn đề khác.").
 */
export function summariseProblems(problems: readonly ZipProblem[], count: number, options: { countRest?: boolean } = {}): string {
  const shown = problems
    .slice(0, count)
    .map((p) => p.message)
    .join(' ');
  return options.countRest && problems.length > count ? `${shown} … và ${problems.length - count} vấn đề khác.` : shown;
}

export async function verifyZip<M>(zipPath: string, options: VerifyZipOptions<M>): Promise<VerifyZipResult<M>> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const found = new Map<string, EntryDigest>();
  const opened = await openZipSafely(zipPath, limits);
  if (!opened.ok) return { ok: false, problems: opened.problems, manifest: null, found, names: new Set() };
  const { entries } = opened.opened;
  const names = new Set(entries.map((e) => e.name));
  const problems: ZipProblem[] = [];
  try {
    const manifestEntry = entries.find((e) => e.name === options.manifestName);
    let manifest: M | null = null;
    if (!manifestEntry) {
      problems.push({ kind: 'manifest-missing', entry: options.manifestName, message: `Gói không có tệp kê khai «${options.manifestName}», nên không kiểm tra được nội dung.` });
    } else {
      manifest = await readManifest(opened.opened, manifestEntry, options, limits, problems);
    }

    // The listing is compared with the manifest before anything is inflated: a zip with files
    // the manifest does not name, or sizes it does not declare, is refused without extracting.
    if (!manifest) return finish(problems, manifest, found, names);
    const listing = compareListing(options.filesOf(manifest), entries, options.manifestName);
    if (listing.length > 0) return finish([...problems, ...listing], manifest, found, names);

    // Never more than the declared sizes the cap allowed, whatever the entries inflate to.
    const budget = { left: opened.opened.declaredTotal };
    for (const info of entries) {
      if (info.isDirectory || info === manifestEntry) continue;
      try {
        if (options.justWritten) {
          found.set(info.name, await locateEntry(opened.opened, info));
          options.onBytes?.(info.size);
          continue;
        }
        const target = options.extractTo ? targetInside(options.extractTo, info.name) : undefined;
        if (target) await ensureParent(target);
        const digest = await digestEntry(opened.opened, info, budget, {
          ...(target ? { target } : {}),
          ...(options.onBytes ? { onBytes: options.onBytes } : {}),
        });
        found.set(info.name, digest);
      } catch (error) {
        // The disk being extracted to is full: nothing is wrong with the zip; the caller says so.
        if (isDiskFull(error)) throw error;
        problems.push(entryReadProblem(info.name, error));
        // A bomb or a truncated zip: reading on only wastes time and disk.
        break;
      }
    }
    if (!problems.some((p) => p.kind === 'corrupt' || p.kind === 'hostile')) {
      problems.push(...compareWithManifest(options.filesOf(manifest), found, options.manifestName));
    }
    return finish(problems, manifest, found, names);
  } finally {
    opened.opened.close();
  }
}

async function readManifest<M>(
  opened: Parameters<typeof readSmallEntry>[0],
  entry: Parameters<typeof readSmallEntry>[1],
  options: VerifyZipOptions<M>,
  limits: ZipLimits,
  problems: ZipProblem[],
): Promise<M | null> {
  let text: string;
  try {
    text = (await readSmallEntry(opened, entry, limits.maxManifestBytes)).toString('utf8');
  } catch (error) {
    problems.push(entryReadProblem(options.manifestName, error));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push({ kind: 'manifest-invalid', entry: options.manifestName, message: `Tệp kê khai «${options.manifestName}» không phải JSON hợp lệ.` });
    return null;
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues).slice(0, 10).join(' ');
    problems.push({ kind: 'manifest-invalid', entry: options.manifestName, message: `Tệp kê khai «${options.manifestName}» không đúng mẫu: ${details}` });
    return null;
  }
  const paths = new Set<string>();
  for (const f of options.filesOf(parsed.data)) {
    if (paths.has(f.path)) {
      problems.push({ kind: 'manifest-invalid', entry: f.path, message: `Tệp kê khai liệt kê «${f.path}» hai lần.` });
      return null;
    }
    paths.add(f.path);
  }
  return parsed.data;
}

/**
 * The manifest against the central directory, before inflating: every listed file present with
 * its declared size, and no file it does not list. (compareWithManifest then checks the hashes.)
 */
function compareListing(listed: readonly { path: string; sha256: string; size: number }[], entries: readonly ZipEntryInfo[], manifestName: string): ZipProblem[] {
  const declared = new Map<string, EntryDigest>();
  for (const e of entries) if (!e.isDirectory && e.name !== manifestName) declared.set(e.name, { size: e.size, sha256: null });
  return compareWithManifest(listed, declared, manifestName);
}

function compareWithManifest(listed: readonly { path: string; sha256: string; size: number }[], found: Map<string, EntryDigest>, manifestName: string): ZipProblem[] {
  const problems: ZipProblem[] = [];
  const listedPaths = new Set<string>();
  for (const f of listed) {
    listedPaths.add(f.path);
    const actual = found.get(f.path);
    if (!actual) {
      problems.push({ kind: 'missing', entry: f.path, message: `Thiếu tệp «${f.path}» (có trong tệp kê khai nhưng không có trong gói).` });
    } else if (actual.size !== f.size) {
      problems.push({ kind: 'altered', entry: f.path, message: `Tệp «${f.path}» đã bị thay đổi: dung lượng ${actual.size} byte, kê khai ${f.size} byte.` });
    } else if (actual.sha256 !== null && actual.sha256 !== f.sha256) {
      problems.push({ kind: 'altered', entry: f.path, message: `Tệp «${f.path}» đã bị thay đổi: mã kiểm tra SHA-256 không khớp với tệp kê khai.` });
    }
  }
  for (const path of found.keys()) {
    if (!listedPaths.has(path) && path !== manifestName) {
      problems.push({ kind: 'extra', entry: path, message: `Tệp «${path}» có trong gói nhưng không có trong tệp kê khai (tệp lạ được thêm vào).` });
    }
  }
  return problems;
}
