import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

const IMPORTS_ELECTRON = /(from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\))/;

describe('where Electron may be used', () => {
  it('only src/main/shell (the window) and src/preload (the bridge) import electron', () => {
    const offenders = sourceFiles(resolve(root, 'src'))
      .filter((file) => IMPORTS_ELECTRON.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).replace(/\\/g, '/'))
      .filter((file) => !file.startsWith('src/main/shell/') && file !== 'src/preload/index.ts');
    expect(offenders).toEqual([]);
  });

  it('the detector itself recognises an electron import', () => {
    expect(IMPORTS_ELECTRON.test("import { app } from 'electron';")).toBe(true);
    expect(IMPORTS_ELECTRON.test("const { app } = require('electron');")).toBe(true);
    expect(IMPORTS_ELECTRON.test("import x from 'electron-vite';")).toBe(false);
  });
});
