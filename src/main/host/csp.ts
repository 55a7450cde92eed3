/**
 * The renderer's Content-Security-Policy: nothing remote, no inline script, no eval. Sent as a
 * header by both transports (Electron's app:// protocol and the browser host) and injected as a
 * meta tag into the built index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // In-app PDF preview: a frame showing a blob: URL this page made from the stored file. blob:
  // URLs belong to the page's own origin, so nothing remote can be framed.
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
