import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './src/main/host/csp';

/** The built page carries its CSP as a meta tag too (dev mode needs inline scripts, so build only). */
function cspMetaTag(): Plugin {
  return {
    name: 'cchc-csp-meta',
    apply: 'build',
    transformIndexHtml: (html: string) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The Electron shell, the browser transport and the CLI share one core bundle.
        input: {
          index: resolve('src/main/shell/index.ts'),
          'browser-host': resolve('src/main/browser/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      rolldownOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react(), cspMetaTag()],
  },
});
