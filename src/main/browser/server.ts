import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from '../core/auth/session';
import type { Registry } from '../core/registry';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { loadStaticFile } from '../host/static-files';

/** Large enough for a base64 criteria workbook or a small evidence upload, small enough to refuse floods. */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;
export const TOKEN_HEADER = 'x-cchc-token';

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
export async function startBrowserHost(options: { registry: Registry; rendererDir: string; port?: number }): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  // The token is handed to one tab, so one run has one Session: who signed in there, and the lock.
  const session = new Session();
  const server = createServer((req, res) => {
    handle(req, res, options, token, session, server).catch((error: unknown) => {
      console.error('[cchc] browser host error', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Lỗi máy chủ nội bộ');
    });
  });
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
  options: { registry: Registry; rendererDir: string },
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
    const channel = path.slice('/api/'.length);
    return sendJson(res, 200, await options.registry.invoke(channel, input, session));
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Không hỗ trợ');
  const file = await loadStaticFile(options.rendererDir, url.pathname);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy');
  return send(res, 200, file.contentType, file.body);
}

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

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
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
