/**
 * The browser upload with the real sender: Debian's Chromium (headless, driven by Playwright, so
 * DevTools is attached) sends a picked 1 GB File to the built browser host the window's way (each
 * slice of the File as a fetch body), against `cp` + `sync` of the same file, each round in turn.
 * Prints the CPU the host and all Chromium processes spent, because on a 2-core machine the
 * sender's CPU decides as much as the host's. `npm run bench` prints its line as context (no
 * target) after bench/upload.bench.ts's verdict, where /usr/bin/chromium exists.
 *
 * npx tsx bench/upload-chromium.ts [rounds]     (CCHC_BENCH_UPLOAD_MB sets the size; default 1024)
 * Build first (npx electron-vite build): this uses out/main/browser-host.js as it is.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { settleDisk } from './disk-settle';
import { mbPerSecond, minMedian, ratesText, run, timeMs, writeRandomFile } from './support';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Math.max(1, Number(process.argv[2] ?? 3));
const uploadMb = Number(process.env.CCHC_BENCH_UPLOAD_MB ?? 1024);
const work = mkdtempSync(join(tmpdir(), 'cchc-bench-upload-chromium-'));

/** User + system CPU seconds of one process (all threads), or of every Chromium process together. */
function cpuSeconds(filter: { pid: number } | 'chromium'): number {
  const pids = filter === 'chromium' ? readdirSync('/proc').filter((d) => /^\d+$/.test(d)) : [String(filter.pid)];
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (filter === 'chromium' && !/\((chrom|headless)/.test(stat)) continue;
      const fields = stat.split(') ').pop()!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // A process that ended meanwhile.
    }
  }
  return total;
}

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'out', 'main', 'browser-host.js')], { env: { ...process.env, CCHC_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /CCHC_URL=(\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`browser host exited (${code}): ${output}`)));
  });
}

const source = join(work, 'tai-len.bin');
// CCHC_CHROMIUM_ARGS: extra switches to try (e.g. --enable-features=NetworkServiceInProcess).
const browser = await chromium.launch({ executablePath: process.env.CCHC_CHROMIUM ?? '/usr/bin/chromium', args: (process.env.CCHC_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean) });
try {
  writeRandomFile(source, uploadMb);
  run('cat', [source], true);
  const uploadRates: number[] = [];
  const cpRates: number[] = [];
  const hostCpu: number[] = [];
  const chromiumCpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    settleDisk();
    const copy = join(work, 'cp-copy.bin');
    cpRates.push(mbPerSecond(uploadMb * 1024 * 1024, timeMs(() => (run('cp', [source, copy]), run('sync', [copy])))));
    rmSync(copy);
    settleDisk();
    const dataDir = mkdtempSync(join(work, 'data-'));
    const { child, url } = await startHost(dataDir);
    const page = await browser.newPage();
    try {
      const [origin, token] = url.split('/#token=') as [string, string];
      await page.goto(`${origin}/`);
      // tsx names functions through a helper (__name) that the page does not have.
      await page.evaluate('globalThis.__name = (f) => f');
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'bench-file';
        document.body.append(input);
      });
      await page.setInputFiles('#bench-file', source);
      const host0 = cpuSeconds({ pid: child.pid! });
      const chromium0 = cpuSeconds('chromium');
      const ms = await page.evaluate(async (token) => {
        const call = async (channel: string, input: unknown, body?: Blob): Promise<unknown> => {
          const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
            method: 'POST',
            body: body ?? JSON.stringify(input),
            headers: body
              ? { 'Content-Type': 'application/octet-stream', 'x-cchc-token': token, 'x-cchc-input': encodeURIComponent(JSON.stringify(input)) }
              : { 'Content-Type': 'application/json', 'x-cchc-token': token },
          });
          const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
          if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
          return reply.value;
        };
        await call('auth/create-first-admin', { username: 'canbo', displayName: 'Cán bộ', password: 'matkhau-bench-2026', roles: ['admin', 'officer'] });
        const file = (document.getElementById('bench-file') as HTMLInputElement).files![0]!;
        const started = performance.now();
        const begun = (await call('evidence/upload-begin', { name: 'lon.bin', size: file.size, targets: [{ type: 'item', key: '2026:1.1' }] })) as { uploadId: string; streamBytes: number };
        for (let offset = 0; offset < file.size; offset += begun.streamBytes) {
          await call('evidence/upload-bytes', { uploadId: begun.uploadId, offset }, file.slice(offset, Math.min(offset + begun.streamBytes, file.size)));
        }
        await call('evidence/upload-finish', { uploadId: begun.uploadId });
        return performance.now() - started;
      }, token);
      uploadRates.push(mbPerSecond(uploadMb * 1024 * 1024, ms));
      hostCpu.push(cpuSeconds({ pid: child.pid! }) - host0);
      chromiumCpu.push(cpuSeconds('chromium') - chromium0);
    } finally {
      await page.close();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const ratio = minMedian(uploadRates).median / minMedian(cpRates).median;
  console.log(
    `browser upload ${uploadMb} MB from Chromium (headless, Playwright): ${ratesText(uploadRates)}; cp + sync ${ratesText(cpRates)} → ${ratio.toFixed(2)}×; ` +
      `CPU (medians): browser host ${minMedian(hostCpu).median.toFixed(2)} s, Chromium ${minMedian(chromiumCpu).median.toFixed(2)} s`,
  );
} finally {
  await browser.close();
  spawnSync('sync');
  rmSync(work, { recursive: true, force: true });
}
