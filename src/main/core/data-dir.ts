import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'CCHC Desk';
export const DATA_DIR_ENV = 'CCHC_DATA_DIR';

/**
 * Where the data lives: $CCHC_DATA_DIR when set (tests, portable installs), otherwise the OS
 * user-data folder Electron would use, so the window, the CLI and the browser host share it.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env[DATA_DIR_ENV];
  if (override && override.trim()) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}
