import type { CriteriaSet } from '../../../shared/criteria/format';
import type { ValidationResult } from './criteria-error';
import { writeBlankWorkbook, writeSetWorkbook } from './xlsx-export';
import { readSetWorkbook } from './xlsx-import';

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
