import { createRequire } from 'node:module';
import { crc32 as nativeCrc32 } from 'node:zlib';
import { timedSync } from '../io-profile';

/**
 * yazl computes each entry's CRC-32 with buffer-crc32, a byte-at-a-time JavaScript loop (about
 * 350 MB/s here), which alone made a package export three times slower than copying the files.
 * Node ≥ 22.2 has the same CRC-32 in C (zlib.crc32, several GB/s). We point the function yazl
 * calls at the native one, once, after checking on sample data that both agree, and leave it
 * alone if anything about the module looks different (then exports are just slower).
 */
let done = false;

export function useNativeCrc32ForYazl(): boolean {
  if (done) return true;
  try {
    const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
    const bufferCrc32 = fromYazl('buffer-crc32') as { unsigned?: (buf: Buffer, previous?: number) => number };
    const js = bufferCrc32.unsigned;
    if (typeof js !== 'function' || typeof nativeCrc32 !== 'function') return false;
    const sample = Buffer.from('CCHC Desk — gói nộp hồ sơ, kiểm tra CRC-32 trước khi thay', 'utf8');
    const head = sample.subarray(0, 17);
    const rest = sample.subarray(17);
    if (js(rest, js(head, 0)) !== nativeCrc32(rest, nativeCrc32(head, 0))) return false;
    bufferCrc32.unsigned = (buf: Buffer, previous?: number) => timedSync('crc32 (zip entries, yazl)', buf.length, () => nativeCrc32(buf, typeof previous === 'number' ? previous : 0));
    done = true;
    return true;
  } catch {
    return false;
  }
}
