import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { criteriaCommands } from '../../../src/main/cli/commands/criteria';
import { runCliCaptured } from '../../helpers/cli';

const FIXTURES = join(import.meta.dirname, '../../fixtures/criteria');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-criteria-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  return runCliCaptured(args, { dataDir: join(dir, 'data'), commands: criteriaCommands });
}

describe('cchc criteria', () => {
  it('validate lists every error and exits 1; a valid file exits 0', async () => {
    const bad = join(dir, 'bad.json');
    const raw = JSON.parse(readFileSync(join(FIXTURES, 'valid-small.json'), 'utf8'));
    raw.domains[0].children[0].maxPoints = 'một';
    raw.domains[1].children[1].maxPoints = 'hai';
    writeFileSync(bad, JSON.stringify(raw));
    const r = await cli('criteria', 'validate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('có 2 lỗi');
    // Places in words (the item's domain, code and field), not JSON paths.
    expect(r.err).toContain('Lĩnh vực 1 «Công tác chỉ đạo, điều hành» → tiêu chí 1.1 → Điểm tối đa: Phải là số (đang là «một»).');
    expect(r.err).toContain('Lĩnh vực 2 «Cải cách thủ tục hành chính» → tiêu chí 2.2 → Điểm tối đa: Phải là số (đang là «hai»).');
    expect(r.err).not.toContain('domains[');

    const good = await cli('criteria', 'validate', join(FIXTURES, 'valid-small.json'));
    expect(good.code).toBe(0);
    expect(good.out).toContain('Hợp lệ (JSON)');
  });

  it('imports, exports and writes the template', async () => {
    const imported = await cli('criteria', 'import', join(FIXTURES, 'valid-small.json'));
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Đã nhập bộ chỉ số');
    expect((await cli('criteria', 'import', join(FIXTURES, 'valid-small.json'))).out).toContain('không ghi thêm');

    const json = await cli('criteria', 'export', 'bo-nho-thu', '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ id: 'bo-nho-thu', version: 1 });

    const xlsx = join(dir, 'bo.xlsx');
    expect((await cli('criteria', 'export', 'bo-nho-thu', '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('criteria', 'validate', xlsx)).out).toContain('Hợp lệ (Excel)');

    const template = join(dir, 'mau.xlsx');
    expect((await cli('criteria', 'template', '--out', template)).code).toBe(0);
    expect(existsSync(template)).toBe(true);

    expect((await cli('criteria', 'export', 'bo-nho-thu', '--format', 'pdf')).code).toBe(2);
    const missing = await cli('criteria', 'export', 'khong-co', '--format', 'json');
    expect([missing.code, missing.err]).toEqual([1, 'Lỗi (NOT_FOUND): Không có bộ chỉ số «khong-co».']);
  });
});
