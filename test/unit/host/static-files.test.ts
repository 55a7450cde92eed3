import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStaticFile, resolveInside } from '../../../src/main/host/static-files';
import { makeTempDir } from '../../helpers/temp-dir';

describe('serving the built renderer', () => {
  const temp = makeTempDir();
  const root = join(temp.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html>app</html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.dir, 'secret.txt'), 'do not serve');
  afterAll(() => temp.cleanup());

  it('maps paths inside the folder', () => {
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/assets/%00.js', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(resolveInside(root, path)).toBeNull();
    },
  );

  it('serves files with their type and falls back to index.html for app routes', async () => {
    const js = await loadStaticFile(root, '/assets/app.js');
    expect(js?.contentType).toContain('javascript');
    const route = await loadStaticFile(root, '/tu-danh-gia');
    expect(route?.body.toString()).toBe('<html>app</html>');
    expect(await loadStaticFile(root, '/assets/missing.js')).toBeNull();
    expect(await loadStaticFile(root, '/../secret.txt')).toBeNull();
  });
});
