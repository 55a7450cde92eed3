import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser/server';
import { openCore, type Core } from '../../../src/main/core/app';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import { makeTempDir } from '../../helpers/temp-dir';

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** The browser window has no save dialog: a backup it asks for arrives as a one-time download. */
describe('downloads from the browser host', () => {
  const temp = makeTempDir();
  let core: Core;
  let host: BrowserHost;
  const api = async (channel: string, body: unknown) =>
    JSON.parse(
      (
        await send(host.port, {
          method: 'POST',
          path: `/api/${channel}`,
          headers: { 'content-type': 'application/json', 'x-cchc-token': host.token },
          body: JSON.stringify(body),
        })
      ).body.toString('utf8'),
    ) as { ok: boolean; value?: unknown; error?: { code: string } };

  beforeAll(async () => {
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CCHC Desk</title>');
    core = openCore({ dataDir: join(temp.dir, 'data'), log: () => {} });
    host = await startBrowserHost({ registry: core.registry, rendererDir, takeDownload: (token) => core.takeDownload(token) });
    await api('auth/create-first-admin', { username: 'quantri', displayName: 'Quản trị', password: 'matkhau2026' });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    temp.cleanup();
  });

  it('streams the finished backup once, as an attachment with its Vietnamese-safe name, then removes the temp copy', async () => {
    const started = await api('backup/create', {});
    expect(started).toMatchObject({ ok: true });
    const job = started.value as ExchangeJob;
    expect(job.download).toMatch(/^[0-9a-f-]{36}$/);
    expect(await waitForJob(job.id)).toMatchObject({ state: 'done' });

    const got = await send(host.port, { path: `/download/${job.download}` });
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="cchc-sao-luu-\d{8}-\d{6}\.zip"; filename\*=UTF-8''cchc-sao-luu-/);
    expect(got.body.subarray(0, 2).toString('latin1')).toBe('PK');
    await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(dirname(job.outPath))).toBe(false);

    expect((await send(host.port, { path: `/download/${job.download}` })).status).toBe(404);
    expect((await send(host.port, { path: '/download/00000000-0000-0000-0000-000000000000' })).status).toBe(404);
  });

  it('a window cannot name a path to write or read through the browser host', async () => {
    expect(await api('backup/create', { outPath: join(temp.dir, 'x.zip') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api('package/verify', { path: join(temp.dir, 'x.zip') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(temp.dir, 'x.zip'))).toBe(false);
  });
});
