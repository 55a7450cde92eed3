#!/usr/bin/env node
// `npm start`'s step that fetches the Electron binary once (electron's own `install-electron`).
// Where it cannot be fetched (no network, the download host blocked) the installer only says
// "fetch failed" with a stack trace; this says what happened, in Vietnamese and English, and
// points to the browser mode, which needs no download. Exits non-zero so `npm start` stops.
//
// CCHC_ELECTRON_INSTALLER names another installer script (tests use a fake one).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installer = process.env.CCHC_ELECTRON_INSTALLER || require.resolve('electron/install.js');

const FAILURE_MESSAGE = [
  'CCHC Desk: không tải được Electron (phần chạy cửa sổ ứng dụng). Máy có thể không vào được mạng,',
  'hoặc máy chủ tải của Electron bị chặn.',
  '  → Chạy ứng dụng trong trình duyệt (không cần tải gì thêm):  npm run dev:browser',
  '  → Hoặc thử lại npm start khi có mạng (đặt ELECTRON_MIRROR để tải từ máy chủ khác).',
  '',
  'CCHC Desk: could not download Electron (the desktop window runtime). This machine may be offline,',
  "or Electron's download host may be blocked.",
  '  → Run the app in your browser instead (nothing to download):  npm run dev:browser',
  '  → Or run npm start again once online (set ELECTRON_MIRROR to use another download host).',
].join('\n');

const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], env: process.env });
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk.toString('utf8')));
child.on('error', (error) => fail(error.message));
child.on('exit', (code, signal) => {
  if (code === 0) process.exit(0);
  fail(stderr.trim().split('\n')[0] || `exit ${code ?? signal}`);
});

function fail(detail) {
  console.error(`\n${FAILURE_MESSAGE}\n\nChi tiết / details: ${detail}\n`);
  process.exit(1);
}
