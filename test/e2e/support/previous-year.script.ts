import { openCore } from '../../../src/main/core/app';
import type { Result } from '../../../src/shared/contract';
import { sampleProfile } from '../../helpers/sample-profile';
import { smallSetV1 } from '../../fixtures/criteria/small-set-v2';

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Run as its own process (Playwright's loader cannot load the core; tsx can), on the data folder
 * of a running app: the unit's 2026 self-assessment on the small set (1.1 and 2.1 answered, a plan
 * file on 1.1), the 2027 profile, and «Bắt đầu từ năm trước» into 2027 on the same set.
 */
async function seed(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, log: () => undefined });
  const call = <T = unknown>(channel: string, input: unknown) => value<T>(core.registry.invoke(channel, input));
  try {
    const set = smallSetV1();
    await call('criteria/import', { fileName: 'bo-chi-so.json', contentBase64: Buffer.from(JSON.stringify(set)).toString('base64') });
    await call('assessment/open', { year: 2026, setId: set.id });
    await call('assessment/save-entry', { year: 2026, code: '1.1', answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch số 12/KH-SNV ngày 10/01/2026.' });
    await call('assessment/save-entry', { year: 2026, code: '2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: '10 hồ sơ trễ hạn do gián đoạn hệ thống một cửa.' });
    const data = Buffer.from('Kế hoạch CCHC năm 2026');
    const { uploadId } = await call<{ uploadId: string }>('evidence/upload-begin', { name: 'Ke-hoach-CCHC-2026.txt', size: data.length, targets: [{ type: 'item', key: '2026:1.1' }] });
    await call('evidence/upload-chunk', { uploadId, index: 0, dataBase64: data.toString('base64') });
    await call('evidence/upload-finish', { uploadId });
    await call('profile/save', { profile: sampleProfile({ year: 2027 }) });
    await call('assessment/carry-over', { fromYear: 2026, toYear: 2027, setId: set.id });
  } finally {
    core.close();
  }
}

await seed(process.argv[2]!);
process.stdout.write('ok\n');
