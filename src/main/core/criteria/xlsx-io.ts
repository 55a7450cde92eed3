import type { CriteriaSet } from '../../../shared/criteria/format';
import type { ValidationResult } from './criteria-error';
import { loadOnFirstCall } from '../load-on-first-call';

// Loaded with exceljs when first used (see load-on-first-call.ts).
const writeSetWorkbook = loadOnFirstCall(() => import('./xlsx-export').then((m) => m.writeSetWorkbook));
const writeBlankWorkbook = loadOnFirstCall(() => import('./xlsx-export').then((m) => m.writeBlankWorkbook));
const readSetWorkbook = loadOnFirstCall(() => import('./xlsx-import').then((m) => m.readSetWorkbook));

/** The Excel face of a criteria set: export, import (errors as Sheet!Cell) and the blank template. */

export function exportSetToXlsx(set: CriteriaSet): Promise<Buffer> {
  return writeSetWorkbook(set);
}

export function importSetFromXlsx(buffer: Buffer): Promise<ValidationResult> {
  return readSetWorkbook(buffer);
}

export function createBlankTemplate(): Promise<Buffer> {
  return writeBlankWorkbook();
}
