import type { Result } from '../../../shared/contract';
import { BlobBytes } from './blob-bytes';

/**
 * How a call reaches main: Electron IPC through the preload, or HTTP to the browser host.
 * `sendsFiles`: the transport can carry a BlobBytes (a File slice streamed by the browser);
 * Electron's IPC cannot, so its uploads send Uint8Array chunks.
 */
export type Transport = ((channel: string, input: unknown) => Promise<Result<unknown>>) & { readonly sendsFiles?: boolean };

const TOKEN_KEY = 'cchc-token';

declare global {
  interface Window {
    api?: Record<string, (input: unknown) => Promise<Result<unknown>>>;
  }
}

export function electronTransport(api: NonNullable<Window['api']>): Transport {
  return (channel, input) => {
    const fn = api[channel];
    if (!fn) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Không có chức năng «${channel}».` } });
    return fn(input);
  };
}

/**
 * The browser host hands out its secret in the URL fragment (never sent over HTTP). Keep it for
 * this tab and remove it from the address bar.
 */
export function takeBrowserToken(): string | null {
  const match = /token=([0-9a-f]{64})/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * An input with raw bytes in `data` (evidence/upload-bytes) goes as an application/octet-stream
 * body, the rest of the input as JSON in a header: no base64, no JSON around megabytes. A File
 * slice (BlobBytes) is the body itself: the browser streams it from the disk.
 */
function requestOf(input: unknown, token: string): { headers: Record<string, string>; body: BodyInit } {
  if (input && typeof input === 'object' && 'data' in input && (input.data instanceof Uint8Array || input.data instanceof BlobBytes)) {
    const { data, ...rest } = input as { data: Uint8Array<ArrayBuffer> | BlobBytes };
    return {
      headers: { 'Content-Type': 'application/octet-stream', 'x-cchc-token': token, 'x-cchc-input': encodeURIComponent(JSON.stringify(rest)) },
      body: data instanceof BlobBytes ? data.blob : data,
    };
  }
  return { headers: { 'Content-Type': 'application/json', 'x-cchc-token': token }, body: JSON.stringify(input ?? {}) };
}

/** Set when the page is being unloaded; listeners run before a component's own pagehide flush. */
let leaving = false;
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => (leaving = true), { capture: true });

export function httpTransport(token: string): Transport {
  const transport = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const request = requestOf(input, token);
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        ...request,
        // While the page goes away (a reload, a closed tab), a last autosave must outlive it. Only
        // then: the browser caps such requests in flight together at 64 KB.
        keepalive: leaving && typeof request.body === 'string' && new TextEncoder().encode(request.body).length < 8_000,
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Không kết nối được với ứng dụng. Hãy kiểm tra cửa sổ dòng lệnh đang chạy CCHC Desk.' } };
    }
  };
  return Object.assign(transport, { sendsFiles: true });
}

export function detectTransport(): Transport | null {
  if (window.api) return electronTransport(window.api);
  const token = takeBrowserToken();
  return token ? httpTransport(token) : null;
}
