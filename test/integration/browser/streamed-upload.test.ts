import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_HEADER, startBrowserHost, type BrowserHost } from '../../../src/main/browser/server';
import { openCore, type Core } from '../../../src/main/core/app';
import { uploadState } from '../../../src/main/core/evidence/upload-sessions';
import { UPLOAD_STREAM_BYTES } from '../../../src/shared/contract/evidence';
import { makeTempDir } from '../../helpers/temp-dir';

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

/**
 * The window's upload over HTTP: each slice of the file is one request whose body main writes and
 * hashes as it arrives. One keep-alive connection for every call, as a browser tab keeps: a reply
 * sent before its body was read would leave that connection stuck and the next call unanswered.
 */
describe('a streamed upload slice (evidence/upload-bytes over HTTP)', () => {
  const temp = makeTempDir();
  const dataDir = join(temp.dir, 'data');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let core: Core;
  let host: BrowserHost;

  const post = (channel: string, body: Buffer | string, headers: Record<string, string | number>): Promise<{ status: number; reply: Reply }> =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${channel}`, agent, headers: { 'x-cchc-token': host.token, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reply: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const json = (channel: string, input: unknown) => post(channel, JSON.stringify(input), { 'content-type': 'application/json' });
  const slice = (uploadId: string, offset: number, data: Buffer) =>
    post('evidence/upload-bytes', data, { 'content-type': 'application/octet-stream', [INPUT_HEADER]: encodeURIComponent(JSON.stringify({ uploadId, offset })) });
  /** Sends `sent` as the start of a body declared `declared` bytes long, then closes the socket after `delayMs` (a tab closed mid-request). */
  const sendThenCut = (uploadId: string, sent: Buffer, declared: number, delayMs: number) =>
    new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/evidence/upload-bytes',
        headers: {
          'x-cchc-token': host.token,
          'content-type': 'application/octet-stream',
          'content-length': declared,
          [INPUT_HEADER]: encodeURIComponent(JSON.stringify({ uploadId, offset: 0 })),
        },
      });
      req.on('error', () => resolve());
      req.write(sent, () => setTimeout(() => req.destroy(), delayMs));
    });
  const begin = async (name: string, size: number) => {
    const begun = await json('evidence/upload-begin', { name, size, targets: [] });
    expect(begun.reply.ok, JSON.stringify(begun.reply)).toBe(true);
    return (begun.reply.value as { uploadId: string; streamBytes: number });
  };
  const tmpFiles = () => readdirSync(join(dataDir, 'evidence', 'tmp'));
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

  beforeAll(async () => {
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CCHC Desk</title>');
    core = openCore({ dataDir, log: () => undefined });
    host = await startBrowserHost({ registry: core.registry, rendererDir });
    const admin = { username: 'canbo', displayName: 'Cán bộ đầu mối', password: 'matkhau2026', roles: ['admin', 'officer'] };
    expect((await json('auth/create-first-admin', admin)).reply).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    agent.destroy();
    await host.close();
    core.close();
    temp.cleanup();
  });

  it('stores slices larger than a chunk, refuses one at the wrong offset on the same connection, and the hash matches', async () => {
    const data = randomBytes(13 * 1024 * 1024 + 777);
    const { uploadId, streamBytes } = await begin('Hồ sơ quét 2026.bin', data.length);
    expect(streamBytes).toBe(UPLOAD_STREAM_BYTES);
    const cut = 9 * 1024 * 1024 + 5;
    expect((await slice(uploadId, 0, data.subarray(0, cut))).reply).toEqual({ ok: true, value: { receivedBytes: cut, size: data.length } });
    // Sent again (a retry) or skipping ahead: refused, nothing written twice; the body is read
    // and dropped, so the next call on this connection is answered.
    const again = await slice(uploadId, 0, data.subarray(0, cut));
    expect(again.reply).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.reply.error!.message).toContain(`đã nhận ${cut} byte`);
    expect((await slice(uploadId, cut + 1, data.subarray(cut + 1))).reply).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await slice(uploadId, cut, data.subarray(cut))).reply).toEqual({ ok: true, value: { receivedBytes: data.length, size: data.length } });
    const finished = await json('evidence/upload-finish', { uploadId });
    expect(finished.reply, JSON.stringify(finished.reply)).toMatchObject({ ok: true, value: { file: { sha256: sha256(data), size: data.length } } });
    const stored = core.db.prepare('SELECT stored_path FROM evidence_file WHERE sha256 = ?').pluck().get(sha256(data)) as string;
    expect(sha256(readFileSync(join(dataDir, 'evidence', stored)))).toBe(sha256(data));
    expect(tmpFiles()).toEqual([]);
  });

  it('a slice that would make the file longer than announced fails the upload cleanly', async () => {
    const { uploadId } = await begin('dai-hon.bin', 1000);
    const sent = await slice(uploadId, 0, randomBytes(1001));
    expect(sent.reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(sent.reply.error!.message).toContain('dài hơn kích thước đã báo');
    expect(tmpFiles()).toEqual([]);
    expect(uploadState(core.db, uploadId)).toBeNull();
    expect(core.db.prepare('SELECT count(*) FROM evidence_pending').pluck().get()).toBe(0);
  });

  it('a body larger than a slice may be is refused by the contract before a byte is written', async () => {
    const { uploadId } = await begin('qua-lon.bin', 2 * UPLOAD_STREAM_BYTES);
    const sent = await slice(uploadId, 0, Buffer.alloc(UPLOAD_STREAM_BYTES + 1));
    expect(sent.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(uploadState(core.db, uploadId)).toEqual({ received: 0, busy: false });
    // Still usable: the refused body did not stick to the connection.
    expect((await json('evidence/upload-cancel', { uploadId })).reply).toEqual({ ok: true, value: { cancelled: true } });
    expect(tmpFiles()).toEqual([]);
  });

  it('a request cut off half-way keeps what arrived; the upload goes on from there and the hash matches', async () => {
    const data = randomBytes(6 * 1024 * 1024 + 321);
    const { uploadId } = await begin('dut-giua-chung.bin', data.length);
    const sentBeforeCut = 3 * 1024 * 1024 + 17;
    // A tab closed mid-request: the body stops short of its Content-Length and the socket closes.
    await sendThenCut(uploadId, data.subarray(0, sentBeforeCut), data.length, 200);
    await expect.poll(() => uploadState(core.db, uploadId)?.busy, { timeout: 10_000 }).toBe(false);
    const received = uploadState(core.db, uploadId)!.received;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(sentBeforeCut);
    const rest = await slice(uploadId, received, data.subarray(received));
    expect(rest.reply).toEqual({ ok: true, value: { receivedBytes: data.length, size: data.length } });
    const finished = await json('evidence/upload-finish', { uploadId });
    expect(finished.reply).toMatchObject({ ok: true, value: { file: { sha256: sha256(data) } } });
    expect(tmpFiles()).toEqual([]);
  });

  it('a large upload (written and hashed on the worker thread): a request cut off keeps what arrived, the rest follows, the hash matches', async () => {
    const data = randomBytes(40 * 1024 * 1024 + 99);
    const { uploadId, streamBytes } = await begin('ho-so-lon.bin', data.length);
    const sentBeforeCut = 20 * 1024 * 1024 + 3;
    await sendThenCut(uploadId, data.subarray(0, sentBeforeCut), streamBytes, 300);
    await expect.poll(() => uploadState(core.db, uploadId)?.busy, { timeout: 10_000 }).toBe(false);
    let received = uploadState(core.db, uploadId)!.received;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(sentBeforeCut);
    while (received < data.length) {
      const part = data.subarray(received, Math.min(received + streamBytes, data.length));
      const sent = await slice(uploadId, received, part);
      expect(sent.reply, JSON.stringify(sent.reply)).toEqual({ ok: true, value: { receivedBytes: received + part.length, size: data.length } });
      received += part.length;
    }
    const finished = await json('evidence/upload-finish', { uploadId });
    expect(finished.reply, JSON.stringify(finished.reply)).toMatchObject({ ok: true, value: { file: { sha256: sha256(data), size: data.length } } });
    const stored = core.db.prepare('SELECT stored_path FROM evidence_file WHERE sha256 = ?').pluck().get(sha256(data)) as string;
    expect(sha256(readFileSync(join(dataDir, 'evidence', stored)))).toBe(sha256(data));
    expect(tmpFiles()).toEqual([]);
  });

  it('cancelling a large upload half-way leaves nothing behind', async () => {
    const data = randomBytes(24 * 1024 * 1024);
    const { uploadId } = await begin('huy-giua-chung.bin', 2 * data.length);
    expect((await slice(uploadId, 0, data)).reply).toEqual({ ok: true, value: { receivedBytes: data.length, size: 2 * data.length } });
    expect(tmpFiles()).toHaveLength(1);
    expect((await json('evidence/upload-cancel', { uploadId })).reply).toEqual({ ok: true, value: { cancelled: true } });
    expect(tmpFiles()).toEqual([]);
    expect(uploadState(core.db, uploadId)).toBeNull();
    expect(core.db.prepare('SELECT count(*) FROM evidence_pending').pluck().get()).toBe(0);
  });

  it('a binary body without a declared length is refused with a clear message', async () => {
    const { uploadId } = await begin('khong-do-dai.bin', 10);
    const sent = await new Promise<{ status: number; reply: Reply }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/evidence/upload-bytes',
          headers: { 'x-cchc-token': host.token, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', [INPUT_HEADER]: encodeURIComponent(JSON.stringify({ uploadId, offset: 0 })) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reply: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply }));
        },
      );
      req.on('error', reject);
      req.end(Buffer.alloc(10));
    });
    expect(sent.status).toBe(411);
    expect(sent.reply.error!.message).toContain('Content-Length');
    expect(uploadState(core.db, uploadId)).toEqual({ received: 0, busy: false });
  });
});
