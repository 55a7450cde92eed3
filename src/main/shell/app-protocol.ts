import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { loadStaticFile } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://cchc/, refusing any path outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Không tìm thấy', { status: 404 });
    const file = await loadStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Không tìm thấy', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}
