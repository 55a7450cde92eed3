import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps a URL path to a file inside `root`, or null when it would leave it. Decoding happens once,
 * before the check, so "%2e%2e/" and "..%5c" are caught like "../".
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const cleaned = decoded.replace(/\\/g, '/').replace(/^\/+/, '');
  const target = resolve(root, cleaned === '' ? 'index.html' : cleaned);
  const rel = relative(resolve(root), target);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer; unknown paths fall back to index.html (single-page app). */
export async function loadStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const target = resolveInside(root, urlPath);
  if (!target) return null;
  const file = (await isFile(target)) ? target : extname(target) ? null : resolve(root, 'index.html');
  if (!file) return null;
  return { body: await readFile(file), contentType: MIME[extname(file)] ?? 'application/octet-stream' };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
