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
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
