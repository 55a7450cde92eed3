import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const HOST_BUNDLE = resolve(ROOT, 'out/main/browser-host.js');

export interface AppProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser host (the same core as the Electron build) on a data folder and waits
 * for the address it prints. Stopping it and starting again on the same folder is a restart.
 */
export function startApp(dataDir: string): Promise<AppProcess> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(process.execPath, [HOST_BUNDLE], {
      env: { ...process.env, CCHC_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /CCHC_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          url: match[1]!,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/CCHC_URL=/.test(output)) reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
}
