import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';

/**
 * The installers cannot be built here (electron-builder downloads the Electron binary), so the
 * configuration is checked the way electron-builder itself checks it before a build, plus what
 * the app relies on: the resources it reads from process.resourcesPath are copied there.
 */

const root = resolve(import.meta.dirname, '../../..');
const silent = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

describe('electron-builder configuration (npm run dist)', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, silent)).resolves.toBeUndefined();
  });

  it('builds a per-user NSIS installer for Windows and an AppImage for Linux', async () => {
    const config = await getConfig(root, null, null);
    const targets = (t: unknown) => (t as { target: string }[]).map((x) => x.target);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(targets(config.linux?.target)).toEqual(['AppImage']);
  });

  it('copies every resources folder the app reads to process.resourcesPath under the same name', async () => {
    const config = await getConfig(root, null, null);
    const copied = (config.extraResources as { from: string; to: string }[]).map((r) => [r.from, r.to]);
    for (const folder of ['criteria', 'reporting']) {
      expect(copied).toContainEqual([`resources/${folder}`, folder]);
      expect(existsSync(join(root, 'resources', folder))).toBe(true);
    }
    // resources.ts recognises a resources folder by this file.
    expect(existsSync(join(root, 'resources/criteria/criteria-set.schema.json'))).toBe(true);
  });

  it('is run by npm run dist after the app is built', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });
});
