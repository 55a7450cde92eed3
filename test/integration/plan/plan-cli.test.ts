import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCommands } from '../../../src/main/cli/commands/plan';
import { openCore } from '../../../src/main/core/app';
import { runCliCaptured } from '../../helpers/cli';
import { ok } from '../../helpers/registry';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  temp = makeTempDir('cchc-plan-cli-');
  const core = openCore({ dataDir: join(temp.dir, 'data') });
  await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  core.close();
});
afterEach(() => temp.cleanup());

const cli = (...args: string[]) => runCliCaptured(args, { dataDir: join(temp.dir, 'data'), commands: planCommands });

describe('cchc plan', () => {
  it('writes the template, imports a file, lists tasks with computed rates', async () => {
    const out = join(temp.dir, 'mau.xlsx');
    expect((await cli('plan', 'template', '--out', out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);

    const file = join(temp.dir, 'kh.json');
    writeFileSync(
      file,
      JSON.stringify({
        formatVersion: 1,
        kind: 'plan',
        year: 2026,
        plan: { number: '15/KH-STP', date: '2026-01-12', title: 'Kế hoạch CCHC năm 2026' },
        tasks: [
          { code: '1', title: 'Ban hành kế hoạch', lead: 'Văn phòng', due: '2026-01-15', status: 'xong', doneDate: '2026-01-12' },
          { code: '2', title: 'Rà soát TTHC', due: '2026-03-10' },
        ],
      }),
    );
    const imported = await cli('plan', 'import', file, '--year', '2026');
    expect(imported.err).toBe('');
    expect(imported.out).toContain('2 nhiệm vụ mới');
    const listed = await cli('plan', 'list', '2026');
    expect(listed.out).toContain('Kế hoạch 15/KH-STP ngày 12/01/2026');
    expect(listed.out).toMatch(/Quý I \(15\/12\/2025–14\/03\/2026\): đến hạn 2, hoàn thành 1 \(50,00%\)/);
    const json = JSON.parse((await cli('plan', 'list', '2026', '--json')).out);
    expect(json.tasks).toHaveLength(2);
  });

  it('lists every error of a broken file and exits 1', async () => {
    const file = join(temp.dir, 'kh.json');
    writeFileSync(file, JSON.stringify({ formatVersion: 1, kind: 'plan', year: 2026, tasks: [{ code: '1', title: '', due: '2026-13-01' }] }));
    const r = await cli('plan', 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('có 2 lỗi, chưa lưu gì');
    expect(r.err).toContain('Nhiệm vụ thứ 1 (mã «1») → Thời hạn (tasks[0].due): ');
    expect((await cli('plan', 'list', 'abc')).code).toBe(2);
  });
});
