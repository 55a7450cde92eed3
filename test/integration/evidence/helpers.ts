import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../../src/main/core/app';
import type { EvidenceAttachResult, EvidenceTarget } from '../../../src/shared/contract/evidence';
import type { Result } from '../../../src/shared/contract';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';

export interface EvidenceFixture {
  core: Core;
  dir: string;
  cleanup(): void;
}

export function openEvidenceCore(options: Partial<CoreOptions> = {}, dir?: string): EvidenceFixture {
  const temp = dir ? { dir, cleanup: () => undefined } : makeTempDir('cchc-evidence-');
  const core = openCore({ dataDir: temp.dir, log: () => {}, ...options });
  return {
    core,
    dir: temp.dir,
    cleanup: () => {
      core.close();
      temp.cleanup();
    },
  };
}

/** A store with the sample unit's 2026 self-assessment open: where evidence joins the review chain. */
export async function openEvidenceCoreWithAssessment(): Promise<EvidenceFixture> {
  const fx = openEvidenceCore();
  await value(fx.core.registry.invoke('profile/save', { profile: sampleProfile() }));
  await value(fx.core.registry.invoke('assessment/open', { year: 2026 }));
  return fx;
}

/** A value from the registry, or a failed test naming the error. */
export async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export const item = (key: string): EvidenceTarget & { location?: string } => ({ type: 'item', key });

/** Attaches through the chunked upload exactly as the window does. */
export async function upload(
  core: Core,
  name: string,
  data: Buffer,
  targets: (EvidenceTarget & { location?: string })[] = [item('2026:1.1')],
  chunkBytes = 4 * 1024 * 1024,
): Promise<Result<EvidenceAttachResult>> {
  const begun = await core.registry.invoke('evidence/upload-begin', { name, size: data.length, targets });
  if (!begun.ok) return begun as Result<never>;
  const { uploadId } = begun.value as { uploadId: string };
  for (let index = 0, at = 0; at < data.length; index++, at += chunkBytes) {
    const chunk = data.subarray(at, at + chunkBytes).toString('base64');
    const sent = await core.registry.invoke('evidence/upload-chunk', { uploadId, index, dataBase64: chunk });
    if (!sent.ok) return sent as Result<never>;
  }
  return (await core.registry.invoke('evidence/upload-finish', { uploadId })) as Result<EvidenceAttachResult>;
}

/** What is on disk and in the tables: for "nothing half-stored remains". */
export function storeState(fx: EvidenceFixture): { rows: number; pending: number; links: number; tmp: string[]; blobs: string[] } {
  const db = fx.core.db;
  const root = join(fx.dir, 'evidence');
  const list = (d: string) => (existsSync(d) ? readdirSync(d) : []);
  const blobs = list(join(root, 'files')).flatMap((prefix) => list(join(root, 'files', prefix)).map((n) => `${prefix}/${n}`));
  return {
    rows: db.prepare('SELECT count(*) FROM evidence_file').pluck().get() as number,
    pending: db.prepare('SELECT count(*) FROM evidence_pending').pluck().get() as number,
    links: db.prepare('SELECT count(*) FROM evidence_link').pluck().get() as number,
    tmp: list(join(root, 'tmp')),
    blobs,
  };
}

export const EMPTY_STORE = { rows: 0, pending: 0, links: 0, tmp: [], blobs: [] };
