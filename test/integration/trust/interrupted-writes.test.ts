import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beginWrite, cleanInterruptedWrites, PENDING_WRITES_DIR } from '../../../src/main/core/exchange/interrupted-writes';
import { makeTempDir } from '../../helpers/temp-dir';

/** The journal start-up reads may only make it delete our own temp names of a dead process. */

const DEAD = 2147483646;
const UUID = '0b9d2c4e-1f3a-4c5b-8d7e-6f5a4b3c2d1e';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function folders() {
  const temp = makeTempDir('cchc-writes-');
  cleanups.push(temp.cleanup);
  const dataDir = join(temp.dir, 'du-lieu');
  const outDir = join(temp.dir, 'usb');
  mkdirSync(join(dataDir, PENDING_WRITES_DIR), { recursive: true });
  mkdirSync(outDir);
  return { dataDir, outDir };
}

function journalOf(dataDir: string, pid: number, paths: string[]): void {
  writeFileSync(join(dataDir, PENDING_WRITES_DIR, `${pid}-${UUID}.json`), JSON.stringify({ pid, startedAt: '2020-01-01T00:00:00.000Z', kind: 'backup', paths }));
}

describe('the interrupted-write journal', () => {
  it('removes the temp files a dead backup recorded, with SQLite side files, and the entry', () => {
    const { dataDir, outDir } = folders();
    const zipTemp = join(outDir, `.sao-luu.zip.${DEAD}-${UUID}.part`);
    const dbCopy = join(outDir, `.cchc-db-${DEAD}-${UUID}.sqlite`);
    for (const p of [zipTemp, dbCopy, `${dbCopy}-journal`]) writeFileSync(p, 'x');
    journalOf(dataDir, DEAD, [dbCopy, zipTemp]);
    expect(cleanInterruptedWrites(dataDir).sort()).toEqual([zipTemp, dbCopy, `${dbCopy}-journal`].sort());
    expect(readdirSync(outDir)).toEqual([]);
    expect(readdirSync(join(dataDir, PENDING_WRITES_DIR))).toEqual([]);
  });

  it('never deletes a path that is not one of our temp names, or names another pid', () => {
    const { dataDir, outDir } = folders();
    const precious = [join(outDir, 'bao-cao.docx'), join(outDir, `.bao-cao.docx.${DEAD + 1}-${UUID}.part`), join(outDir, '.ghi-chu.part')];
    for (const p of precious) writeFileSync(p, 'x');
    journalOf(dataDir, DEAD, [...precious, outDir]);
    expect(cleanInterruptedWrites(dataDir)).toEqual([]);
    for (const p of precious) expect(existsSync(p)).toBe(true);
  });

  it('leaves the entry of a write still running (this process) alone', () => {
    const { dataDir, outDir } = folders();
    const journal = beginWrite(dataDir, 'export');
    const temp = join(outDir, `.goi.zip.${process.pid}-${UUID}.part`);
    journal.add(temp);
    writeFileSync(temp, 'x');
    expect(cleanInterruptedWrites(dataDir)).toEqual([]);
    expect(existsSync(temp)).toBe(true);
    journal.finish();
    expect(readdirSync(join(dataDir, PENDING_WRITES_DIR))).toEqual([]);
  });

  it('sweeps the app’s own backup folder of temps a dead process left before writes were journalled', () => {
    const { dataDir } = folders();
    const backups = join(dataDir, 'sao-luu');
    mkdirSync(backups);
    const old = [`.cchc-sao-luu-20261101-0800.zip.${DEAD}-${UUID}.part`, `.cchc-db-${DEAD}-${UUID}.sqlite`];
    const kept = ['cchc-sao-luu-20261101-0800.zip', `.cchc-db-${process.pid}-${UUID}.sqlite`];
    for (const n of [...old, ...kept]) writeFileSync(join(backups, n), 'x');
    expect(cleanInterruptedWrites(dataDir).sort()).toEqual(old.map((n) => join(backups, n)).sort());
    expect(readdirSync(backups).sort()).toEqual(kept.sort());
  });
});
