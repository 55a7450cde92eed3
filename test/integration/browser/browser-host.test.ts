import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser/server';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('the browser transport', () => {
  const temp = makeTempDir();
  let core: Core;
  let host: BrowserHost;
  const api = (channel: string, body: unknown, token = host.token) =>
    send(host.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'content-type': 'application/json', 'x-cchc-token': token },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CCHC Desk</title>');
    core = openCore({ dataDir: join(temp.dir, 'data') });
    host = await startBrowserHost({ registry: core.registry, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    temp.cleanup();
  });

  it('listens on 127.0.0.1 only and hands the token in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
  });

  it('serves the page with the CSP header', async () => {
    const page = await send(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a signed-in channel before anyone signs in on this run, and runs nothing', async () => {
    const reply = JSON.parse((await api('profile/save', { profile: sampleProfile() })).body);
    expect(reply).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Hãy đăng nhập để dùng chức năng này.' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM unit_profile').get()).toEqual({ n: 0 });
  });

  it('runs the same handlers as Electron: signed in on this run, a profile saved over HTTP is in the database', async () => {
    const admin = { username: 'quantri', displayName: 'Quản trị', password: 'matkhau2026' };
    expect(JSON.parse((await api('auth/create-first-admin', admin)).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api('auth/status', {})).body)).toMatchObject({ ok: true, value: { user: { username: 'quantri' } } });
    const saved = JSON.parse((await api('profile/save', { profile: sampleProfile() })).body);
    expect(saved).toMatchObject({ ok: true, value: { shortName: 'SNV' } });
    expect(core.db.prepare('SELECT name FROM unit_profile').get()).toEqual({ name: 'Sở Nội vụ' });
  });

  it('refuses calls without the right token, and never runs the handler', async () => {
    const before = core.db.prepare('SELECT count(*) AS n FROM unit_profile').get();
    const reply = await api('profile/save', { profile: sampleProfile({ year: 2025 }) }, 'f'.repeat(64));
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM unit_profile').get()).toEqual(before);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await send(host.port, { path: '/', headers: { host: 'evil.example:80' } });
    expect(reply.status).toBe(421);
  });

  it('answers bad JSON and bad input with coded errors', async () => {
    const badJson = await send(host.port, {
      method: 'POST',
      path: '/api/profile/save',
      headers: { 'content-type': 'application/json', 'x-cchc-token': host.token },
      body: '{"profile":',
    });
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badInput = JSON.parse((await api('profile/get', { year: 'x' })).body);
    expect(badInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers a malformed percent-encoding with 400, not a server error', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      for (const path of ['/api/profile%E0%A4%A', '/api/%zz', '/%E0%A4%A', '/assets/%']) {
        const method = path.startsWith('/api/') ? 'POST' : 'GET';
        const reply = await send(host.port, { method, path, headers: { 'content-type': 'application/json', 'x-cchc-token': host.token }, body: method === 'POST' ? '{}' : '' });
        expect(reply.status, path).toBe(400);
        expect(reply.body).toBe('Địa chỉ yêu cầu không hợp lệ');
      }
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([]);
  });
});
