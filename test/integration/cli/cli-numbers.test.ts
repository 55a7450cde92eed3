import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officialScoreLines } from '../../../src/main/cli/commands/appraisal';
import { percentText, pointsText } from '../../../src/main/cli/numbers';
import { openCore } from '../../../src/main/core/app';
import { captureIo } from '../../helpers/cli';
import { ok } from '../../helpers/registry';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCli } from '../../../src/main/cli/run-cli';

/** Scores and rates in text mode: vi-VN, two decimals ("87,80%", "68,20"); --json stays numeric. */
describe('cchc prints numbers the Vietnamese way', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir('cchc-cli-numbers-')));
  afterEach(() => temp.cleanup());

  async function cli(...args: string[]) {
    const c = captureIo();
    const code = await runCli(args, { io: c.io, env: { CCHC_DATA_DIR: temp.dir } });
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  }

  it('formats points and percentages with two decimals and a decimal comma', () => {
    expect(percentText(87.8)).toBe('87,80%');
    expect(pointsText(68.2)).toBe('68,20');
    expect(percentText(100)).toBe('100,00%');
    expect(pointsText(1234.5)).toBe('1.234,50');
  });

  it('the official index line: "87,80%", not "87,8%"', () => {
    const lines = officialScoreLines({
      self: { points: 68.2, max: 77 },
      appraised: { points: 70.8, max: 80, round: 2 },
      survey: { points: 17, max: 20 },
      index: 87.8,
      band: 'Tốt',
      provisional: false,
      formula: 'appraised-plus-survey',
      selfBandProvisional: 'Khá',
    });
    expect(lines).toContain('Điểm tự chấm (tạm tính): 68,20/77,00 điểm');
    expect(lines).toContain('Chỉ số chính thức: 87,80%; xếp loại: Tốt');
  });

  it('plan rates in text with two decimals, numbers in --json', async () => {
    const core = openCore({ dataDir: temp.dir, now: () => new Date('2026-12-20T03:00:00Z') });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
    for (const [code, status] of [['1', 'xong'], ['2', 'dang-lam'], ['3', 'dang-lam']] as const) {
      const doneDate = status === 'xong' ? { doneDate: '2026-03-01' } : {};
      await ok(core.registry.invoke('plan/save-task', { year: 2026, task: { code, title: `Nhiệm vụ ${code}`, due: '2026-06-30', status, ...doneDate } }));
    }
    core.close();
    const text = await cli('plan', 'list', '2026');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Cả năm: hoàn thành 1/3 (33,33%), đúng hạn 1/3 (33,33%)');
    const json = await cli('plan', 'list', '2026', '--json');
    expect(typeof JSON.parse(json.out).year.rate).toBe('number');
  });

  it('a criteria file’s domain maxima print as points', async () => {
    const r = await cli('criteria', 'validate', join(__dirname, '../../fixtures/criteria/valid-small.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\. .+: \d+,\d\d điểm, \d+ mục/);
  });
});
