import type { ZipInput } from '../../../shared/contract/exchange';
import { readFileAsBase64 } from '../files';
import { localFileGrant } from './local-files';

/**
 * A picked zip (package or backup) for main to read: where it lies in the desktop window (a
 * one-time grant, any size), uploaded in a browser (up to about 28 MB). Never a path.
 */
export async function zipFromFile(file: File): Promise<ZipInput> {
  const grant = await localFileGrant(file);
  return grant ? { grant } : { fileName: file.name, contentBase64: await readFileAsBase64(file) };
}
