import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core/app';
import { createBackup, verifyBackup } from '../../../src/main/core/exchange/backup';
import { PENDING_WRITES_DIR } from '../../../src/main/core/exchange/interrupted-writes';
import { verifyPackage } from '../../../src/main/core/exchange/package-verify';
import type { EvidenceStatus } from '../../../src/shared/contract/evidence';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';
import { item, upload, value } from '../evidence/helpers';
import { ROOT } from './helpers';

/**
 * Issue 11, item 7: an export, a backup or a restore killed (SIGKILL) at a random point of its
 * file I/O, ten times each. The next start of the data folder must remove every hidden temp file
 * it left (the zip's .part, the backup's copy of the database, the restore's temp folder), report
 * them, and leave the store as it was; a zip that did get its name must be complete.
 */

const TRIALS = 10;
const temp = makeTempDir('cchc-write-crash-');
const template = join(temp.dir, 'mau');
const backupZip = join(temp.dir, 'sao-luu-mau.zip');
// Bundled under node_modules so the child resolves the app's packages like the sources do.
const childBundle = join(ROOT, 'node_modules', '.cache', 'cchc-test', `write-crash-child-${process.pid}.mjs`);

/**
 * The document libraries (exceljs alone takes seconds to load on a busy machine) are not used by
 * an export, a backup or a restore: approved documents are stored bytes. The child gets an empty
 * stand-in, so thirty child starts stay cheap; a call into one would fail the run loudly.
 */
const withoutDocumentLibraries: Plugin = {
  name: 'without-document-libraries',
  setup(b) {
    b.onResolve({ filter: /^(exceljs|docx|unpdf|jszip)$/ }, (args) => ({ path: args.path, namespace: 'unused-library' }));
    // Every name the library exports, each resolving any property of any depth (modules read
    // constants such as AlignmentType.LEFT when loaded); calling or constructing anything throws.
    b.onLoad({ filter: /.*/, namespace: 'unused-library' }, async (args) => {
      const names = Object.keys((await import(args.path)) as object).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      const contents = `const unused = () => { throw new Error('document library not loaded in the crash child'); };
        const make = () => new Proxy(function () {}, {
          get: (_t, key) => (typeof key === 'symbol' ? undefined : make()),
          apply: unused,
          construct: unused,
        });
        module.exports = { ${names.map((n) => `${n}: make()`).join(', ')} };`;
      return { contents, loader: 'js' };
    });
  },
};

beforeAll(async () => {
  await build({
    entryPoints: [join(__dirname, 'write-crash-child.ts')],
    outfile: childBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [withoutDocumentLibraries],
  });
  // A small approved dossier with two evidence files: a few 1 MiB blocks per zip.
  const core = openCore({ dataDir: template, log: () => {} });
  await value(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  await value(core.registry.invoke('assessment/open', { year: 2026 }));
  await value(upload(core, 'Kế hoạch CCHC.pdf', Buffer.concat([makeTextPdf(['Ke hoach']), randomBytes(1_200_000)]), [item('2026:1.1.3')]));
  await value(upload(core, 'Báo cáo.bin', randomBytes(700_000), [item('2026:1.1.1')]));
  const A = { kind: 'assessment', key: '2026' };
  await value(core.registry.invoke('review/submit', A));
  await value(core.registry.invoke('review/approve', { ...A, comment: 'Đồng ý' }));
  await createBackup(core.db, template, backupZip, { appVersion: '0.1.0', now: new Date() });
  core.close();
}, 120_000);

afterAll(() => {
  temp.cleanup();
  rmSync(childBundle, { force: true });
});

type Op = 'export' | 'backup' | 'restore';

function runChild(op: Op, dataDir: string, zipPath: string, killAfter: number): Promise<{ killed: boolean; io: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, op, dataDir, zipPath, String(killAfter)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ killed: true, io: 0, output });
      if (code !== 0) return reject(new Error(`child ${op} failed (${code}): ${output}`));
      resolve({ killed: false, io: (JSON.parse(output) as { io: number }).io, output });
    });
  });
}

const hidden = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('.')) : []);

/** One trial's folders: a copy of the template data folder, and an empty folder for the zip. */
function trialFolders(name: string): { dataDir: string; outDir: string } {
  const root = join(temp.dir, name);
  const dataDir = join(root, 'du-lieu');
  cpSync(template, dataDir, { recursive: true });
  const outDir = join(root, 'ra');
  mkdirSync(outDir);
  return { dataDir, outDir };
}

async function evidenceStatusAfterStart(dataDir: string): Promise<EvidenceStatus> {
  const core = openCore({ dataDir, log: () => {} });
  try {
    return await value<EvidenceStatus>(core.registry.invoke('evidence/status', {}));
  } finally {
    core.close();
  }
}

/** Bytes of file I/O a whole run takes, so the kill points fall inside it. */
async function calibrate(op: Op): Promise<number> {
  if (op === 'restore') {
    const target = join(temp.dir, `calibrate-${op}`, 'du-lieu');
    return (await runChild(op, target, backupZip, Infinity)).io;
  }
  const { dataDir, outDir } = trialFolders(`calibrate-${op}`);
  return (await runChild(op, dataDir, join(outDir, 'ra.zip'), Infinity)).io;
}

describe('killed exports and backups leave nothing behind after the next start', () => {
  for (const op of ['export', 'backup'] as const) {
    it(`${op}: ${TRIALS} kills at random points`, async () => {
      const total = await calibrate(op);
      expect(total).toBeGreaterThan(1_000_000);
      let killedDuringWrite = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const killAfter = Math.floor(Math.random() * total);
        const at = `${op} trial ${trial}, killed after ${killAfter} of ${total} bytes`;
        const { dataDir, outDir } = trialFolders(`${op}-${trial}`);
        const zip = join(outDir, 'ra.zip');
        const run = await runChild(op, dataDir, zip, killAfter);
        expect(run.killed, at).toBe(true);
        const left = hidden(outDir);
        if (left.length) killedDuringWrite += 1;
        if (op === 'backup') expect(left.every((n) => /^\.(ra\.zip\.\d+-[0-9a-f-]+\.part|cchc-db-\d+-[0-9a-f-]+\.sqlite(-journal)?)$/.test(n)), `${at}: ${left.join(', ')}`).toBe(true);

        const status = await evidenceStatusAfterStart(dataDir);
        expect(hidden(outDir), at).toEqual([]);
        expect(status.lastRecovery?.removedInterruptedWrites.map((p) => p.slice(outDir.length + 1)).sort(), at).toEqual(left.sort());
        expect(readdirSync(join(dataDir, PENDING_WRITES_DIR)), at).toEqual([]);
        // The store itself is as it was: both files, nothing quarantined or cleaned.
        expect(status, at).toMatchObject({ fileCount: 2, lastRecovery: { quarantined: [], removedOrphans: [], removedTempFiles: [] } });
        // A zip that got its name was complete and checked before the rename.
        const named = readdirSync(outDir);
        if (named.length) {
          expect(named, at).toEqual(['ra.zip']);
          const ok = op === 'export' ? (await verifyPackage(zip)).ok : (await verifyBackup(zip)).ok;
          expect(ok, at).toBe(true);
        }
      }
      // Most kill points fall while the temp files exist (the run is mostly writing and reading them back).
      expect(killedDuringWrite).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('a killed restore leaves nothing behind after the next start of its folder', () => {
  it(`restore: ${TRIALS} kills at random points`, async () => {
    const total = await calibrate('restore');
    expect(total).toBeGreaterThan(1_000_000);
    let leftBehind = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const killAfter = Math.floor(Math.random() * total);
      const at = `restore trial ${trial}, killed after ${killAfter} of ${total} bytes`;
      const parent = join(temp.dir, `restore-${trial}`);
      const target = join(parent, 'du-lieu');
      const run = await runChild('restore', target, backupZip, killAfter);
      expect(run.killed, at).toBe(true);
      const left = hidden(parent);
      if (left.length) leftBehind += 1;
      expect(left.every((n) => /^\.du-lieu\.phuc-hoi-\d+-[0-9a-f-]+$/.test(n)), `${at}: ${left.join(', ')}`).toBe(true);
      const completed = existsSync(target);

      const status = await evidenceStatusAfterStart(target);
      expect(hidden(parent), at).toEqual([]);
      expect(status.lastRecovery?.removedInterruptedWrites.map((p) => p.slice(parent.length + 1)), at).toEqual(left);
      // Either the whole restore (renamed into place before the kill) or a fresh, empty folder.
      expect(status.fileCount, at).toBe(completed ? 2 : 0);
      expect(status.lastRecovery?.quarantined, at).toEqual([]);
    }
    expect(leftBehind).toBeGreaterThan(0);
  }, 120_000);
});
