import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_HEADER, startBrowserHost, type BrowserHost } from '../../../src/main/browser/server';
import { openCore, type Core } from '../../../src/main/core/app';
import { UPLOAD_CHUNK_BYTES, UPLOAD_STREAM_BYTES } from '../../../src/shared/contract/evidence';
import { makeTempDir } from '../../helpers/temp-dir';

/** POSTs to the browser host and parses its JSON reply. */
function post(host: BrowserHost, channel: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; reply: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${channel}`, headers: { 'x-cchc-token': host.token, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reply: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = (host: BrowserHost, channel: string, input: unknown) => post(host, channel, JSON.stringify(input), { 'content-type': 'application/json' });
const bytes = (host: BrowserHost, channel: string, rest: unknown, data: Buffer) =>
  post(host, channel, data, { 'content-type': 'application/octet-stream', [INPUT_HEADER]: encodeURIComponent(JSON.stringify(rest)) });

describe('the browser upload sends raw bytes (application/octet-stream), validated in main', () => {
  const temp = makeTempDir();
  let core: Core;
  let host: BrowserHost;
  const dataDir = join(temp.dir, 'data');

  beforeAll(async () => {
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CCHC Desk</title>');
    core = openCore({ dataDir });
    host = await startBrowserHost({ registry: core.registry, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    temp.cleanup();
  });

  it('is refused before sign-in, like every officer channel', async () => {
    const { reply } = await bytes(host, 'evidence/upload-bytes', { uploadId: '3f1c2a4e-0000-4000-8000-000000000000', offset: 0 }, Buffer.from('x'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('stores a file sent in raw chunks, refuses a chunk out of place or too large, and keeps what was sent right', async () => {
    const admin = { username: 'canbo', displayName: 'Cán bộ đầu mối', password: 'matkhau2026', roles: ['admin', 'officer'] };
    expect((await json(host, 'auth/create-first-admin', admin)).reply).toMatchObject({ ok: true });

    // Two full chunks and a short tail: past the worker-hash threshold only in sum, so both paths run.
    const data = randomBytes(2 * UPLOAD_CHUNK_BYTES + 1234);
    const begun = await json(host, 'evidence/upload-begin', { name: 'Bản quét QĐ 12.bin', size: data.length, targets: [] });
    expect(begun.reply.ok).toBe(true);
    const { uploadId } = begun.reply.value as { uploadId: string };

    const first = await bytes(host, 'evidence/upload-bytes', { uploadId, offset: 0 }, data.subarray(0, UPLOAD_CHUNK_BYTES));
    expect(first.reply).toEqual({ ok: true, value: { receivedBytes: UPLOAD_CHUNK_BYTES, size: data.length } });

    // The same chunk again (a retried request) or one that skips ahead: refused, nothing written twice.
    const again = await bytes(host, 'evidence/upload-bytes', { uploadId, offset: 0 }, data.subarray(0, UPLOAD_CHUNK_BYTES));
    expect(again.reply).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.reply.error!.message).toContain('không đúng thứ tự');
    // Larger than a streamed slice may be: the contract refuses it before the handler runs.
    const tooBig = await bytes(host, 'evidence/upload-bytes', { uploadId, offset: UPLOAD_CHUNK_BYTES }, Buffer.alloc(UPLOAD_STREAM_BYTES + 1));
    expect(tooBig.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // No session/offset header: refused by the contract too.
    const bare = await post(host, 'evidence/upload-bytes', Buffer.from('abc'), { 'content-type': 'application/octet-stream' });
    expect(bare.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // A header that is not JSON: a clear refusal, not a crash.
    const garbled = await post(host, 'evidence/upload-bytes', Buffer.from('abc'), { 'content-type': 'application/octet-stream', [INPUT_HEADER]: '%7Bkhong-phai-json' });
    expect(garbled.status).toBe(400);

    for (let offset = UPLOAD_CHUNK_BYTES; offset < data.length; offset += UPLOAD_CHUNK_BYTES) {
      const sent = await bytes(host, 'evidence/upload-bytes', { uploadId, offset }, data.subarray(offset, offset + UPLOAD_CHUNK_BYTES));
      expect(sent.reply.ok).toBe(true);
    }
    const finished = await json(host, 'evidence/upload-finish', { uploadId });
    expect(finished.reply, JSON.stringify(finished.reply)).toMatchObject({ ok: true, value: { file: { sha256: createHash('sha256').update(data).digest('hex'), size: data.length } } });
    const stored = core.db.prepare('SELECT stored_path FROM evidence_file').pluck().get() as string;
    expect(readFileSync(join(dataDir, 'evidence', stored)).equals(data)).toBe(true);
    expect(readdirSync(join(dataDir, 'evidence', 'tmp'))).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM evidence_pending').pluck().get()).toBe(0);
  });

  it('cancelling a raw upload half-way leaves no temp file and no row', async () => {
    const begun = await json(host, 'evidence/upload-begin', { name: 'huy.bin', size: 3 * UPLOAD_CHUNK_BYTES, targets: [] });
    const { uploadId } = begun.reply.value as { uploadId: string };
    expect((await bytes(host, 'evidence/upload-bytes', { uploadId, offset: 0 }, randomBytes(UPLOAD_CHUNK_BYTES))).reply.ok).toBe(true);
    expect(readdirSync(join(dataDir, 'evidence', 'tmp'))).toHaveLength(1);
    expect((await json(host, 'evidence/upload-cancel', { uploadId })).reply).toEqual({ ok: true, value: { cancelled: true } });
    expect(readdirSync(join(dataDir, 'evidence', 'tmp'))).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM evidence_pending').pluck().get()).toBe(0);
    expect(core.db.prepare("SELECT count(*) FROM evidence_file WHERE original_name = 'huy.bin'").pluck().get()).toBe(0);
  });
});
