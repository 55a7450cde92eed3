import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from '../core/auth/session';
import type { Registry } from '../core/registry';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { loadStaticFile } from '../host/static-files';
import { removeDownloadFile, type Download } from '../core/output/downloads';
import { UPLOAD_STREAM_BYTES } from '../../shared/contract/evidence';
import { StreamedBytes } from '../../shared/contract/streamed-bytes';

export interface BrowserHostOptions {
  registry: Registry;
  rendererDir: string;
  port?: number;
  /** A finished export or backup by its one-time token (Core.takeDownload); GET /download/<token>. */
  takeDownload?: (token: string) => Download | null;
}

/** Large enough for a base64 criteria workbook or a small evidence upload, small enough to refuse floods. */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;
export const TOKEN_HEADER = 'x-cchc-token';
/**
 * A call whose input carries raw bytes (evidence/upload-bytes) comes as an application/octet-stream
 * body: the body becomes the input's `data` (streamed, see handleBytes), the rest of the input is
 * JSON in this header (URL-encoded). The registry validates the whole input as for any other call.
 */
export const INPUT_HEADER = 'x-cchc-input';

export interface BrowserHost {
  /** Open this in Chromium; the token travels in the fragment, which is never sent over HTTP. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The second transport: the built renderer and the real registry over HTTP on 127.0.0.1 only,
 * guarded by a per-run secret, so the app can run and be tested in a plain Chromium. Only the
 * transport differs from Electron: same handlers, same database.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  // The token is handed to one tab, so one run has one Session: who signed in there, and the lock.
  const session = new Session();
  const server = createServer((req, res) => {
    handle(req, res, options, token, session, server).catch((error: unknown) => {
      console.error('[cchc] browser host error', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Lỗi máy chủ nội bộ');
    });
  });
  // Node closes an idle keep-alive socket after 5 s; a POST the page sends on it at that moment
  // fails with no response (browsers retry only idempotent requests), which the page reports as
  // "cannot reach the app". One local client: keep its sockets until it or close() ends them.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The page keeps HTTP connections alive; without this, close() waits for them forever.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: BrowserHostOptions,
  token: string,
  session: Session,
  server: Server,
): Promise<void> {
  // A page on another site could resolve a name to 127.0.0.1 (DNS rebinding): insist on our host.
  const { port } = server.address() as AddressInfo;
  if (req.headers.host !== `127.0.0.1:${port}`) return send(res, 421, 'text/plain; charset=utf-8', 'Sai địa chỉ máy chủ');

  // A malformed request line or percent-encoding ("%E0%A4%A", "%zz") is the client's mistake:
  // answered 400 here, never thrown into the 500 handler (with its stack trace in the log).
  const url = parseRequestUrl(req.url, port);
  const path = url ? decodePath(url.pathname) : null;
  if (!url || path === null) return send(res, 400, 'text/plain; charset=utf-8', 'Địa chỉ yêu cầu không hợp lệ');
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Chỉ chấp nhận POST');
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Phiên làm việc không hợp lệ; hãy mở lại địa chỉ do ứng dụng in ra.' } });
    }
    const channel = path.slice('/api/'.length);
    if (isOctetStream(req)) return handleBytes(req, res, options.registry, channel, session);
    const body = await readBody(req);
    if (body === null) {
      return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên quá lớn.' } });
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' } });
    }
    return sendJson(res, 200, await options.registry.invoke(channel, input, session));
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Không hỗ trợ');
  const download = /^\/download\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (download && req.method === 'GET') return sendDownload(res, options.takeDownload?.(download[1]!) ?? null);
  const file = await loadStaticFile(options.rendererDir, url.pathname);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy');
  return send(res, 200, file.contentType, file.body);
}

/**
 * Streams a finished export or backup as an attachment, then removes its temp copy. A plain link
 * cannot carry the token header, so the one-time download token (from the page that asked, never
 * guessable, used up here) is what authorises it.
 */
function sendDownload(res: ServerResponse, download: Download | null): void {
  if (!download) return send(res, 404, 'text/plain; charset=utf-8', 'Tệp không còn để tải xuống (đã tải hoặc đã quá hạn).');
  const ascii = download.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': download.name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.name)}`,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  const stream = createReadStream(download.path);
  const done = () => removeDownloadFile(download.path);
  stream.once('error', () => {
    res.destroy();
    done();
  });
  res.once('close', done);
  stream.pipe(res);
}

function isOctetStream(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/octet-stream';
}

/**
 * A raw-bytes call (evidence/upload-bytes): the input is the header's JSON object with the body as
 * `data`, a RequestBytes the handler reads as it arrives (nothing is buffered whole here). The
 * reply goes only after the body has been read to its end, by the handler or else here: a reply
 * sent while the browser is still sending leaves the connection between two requests, and the
 * next call on it waits for an answer that never comes.
 */
async function handleBytes(req: IncomingMessage, res: ServerResponse, registry: Registry, channel: string, session: Session): Promise<void> {
  const declared = req.headers['content-length'];
  const size = declared === undefined ? NaN : Number(declared);
  if (!Number.isSafeInteger(size) || size < 0) {
    res.shouldKeepAlive = false;
    return sendJson(res, 411, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu nhị phân gửi lên phải báo trước độ dài (Content-Length).' } });
  }
  let rest: unknown;
  try {
    const header = req.headers[INPUT_HEADER];
    rest = typeof header === 'string' ? JSON.parse(decodeURIComponent(header)) : {};
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) throw new Error('input header is not an object');
  } catch {
    await discardBody(req, res, size);
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' } });
  }
  const body = new RequestBytes(req, size);
  const reply = await registry.invoke(channel, { ...rest, data: body }, session);
  await discardBody(req, res, size - body.consumed);
  return sendJson(res, 200, reply);
}

/** The body of a request, read as it comes off the socket (see StreamedBytes). */
class RequestBytes extends StreamedBytes {
  consumed = 0;

  constructor(
    private readonly req: IncomingMessage,
    readonly size: number,
  ) {
    super();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    // The request's own iterator: it pulls (and lets TCP hold the sender back) only as fast as
    // the handler takes chunks, and throws when the sender goes away before the end. A handler
    // that stops early (a failed write) leaves the rest to discardBody, so its reply still arrives.
    for await (const chunk of this.req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      this.consumed += chunk.length;
      yield chunk;
      // The reader has taken the chunk (StreamedBytes: it is the reader's until it asks for the next).
      releaseChunk(chunk);
    }
    if (!this.req.complete) throw new Error('request body cut short');
  }
}

/**
 * Frees a body chunk's memory now instead of at the next garbage collection. Node's HTTP parser
 * copies every socket read (up to 64 KiB) into a fresh buffer of its own; left to the collector,
 * a 1 GB upload made 40-odd full collections (V8 starts one each time such external memory has
 * grown by some tens of MB), which cost about a third of the host's CPU, and the buffers waiting
 * for them raised the host's peak by some 90 MB (ARCHITECTURE.md, «Browser upload»). Detaching
 * the chunk's ArrayBuffer (transfer to length 0) releases it at once. Only a chunk that is the
 * whole of its ArrayBuffer is released: a view into a shared one (Node's pool) is left alone.
 */
export function releaseChunk(chunk: Buffer): void {
  const owner = chunk.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (chunk.byteOffset === 0 && owner.byteLength === chunk.length && typeof owner.transfer === 'function') owner.transfer(0);
}

/**
 * Reads and drops what is left of a body nobody read (a refused call), so the connection can
 * carry the next request. More than a call may send is not worth reading: the connection is
 * closed after the reply instead.
 */
async function discardBody(req: IncomingMessage, res: ServerResponse, left: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  if (left > MAX_DISCARD_BYTES) {
    res.shouldKeepAlive = false;
    res.once('finish', () => req.destroy());
    return;
  }
  try {
    for await (const _chunk of req) {
      // Dropped.
    }
  } catch {
    // The sender went away: nothing to keep the connection for.
  }
}

/** A refused upload slice is read and dropped up to this size (a slice is at most UPLOAD_STREAM_BYTES). */
const MAX_DISCARD_BYTES = UPLOAD_STREAM_BYTES + 1024 * 1024;

function parseRequestUrl(raw: string | undefined, port: number): URL | null {
  try {
    return new URL(raw ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** The path with its percent-escapes decoded, or null when they are malformed. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string' || header.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(token));
}

/** A JSON request's body, or null when it is larger than allowed. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
