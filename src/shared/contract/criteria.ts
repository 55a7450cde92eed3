import { z } from 'zod';
import type { CriteriaItem, CriteriaSet } from '../criteria/format';
import { channel } from './define';
import type { UnitType } from './profile';

/** One problem in a criteria file: a JSON path (domains[2].maxPoints) or an Excel cell (Tiêu chí!D14). */
export interface CriteriaError {
  where: string;
  message: string;
  /** The exact place for scripts: a JSON path or Sheet!Cell, when `where` says it in words. */
  ref?: string;
}

export interface CriteriaSetOverview {
  id: string;
  version: number;
  name: string;
  year: number;
  unitType: UnitType;
  isSample: boolean;
  decision: { number: string; date: string; issuer: string } | null;
  scaleMax: number;
  /** Every item, parents included. */
  itemCount: number;
  leafCount: number;
  /** Leaves the unit scores itself (not survey or appraisal). */
  selfScoredCount: number;
  /**
   * What is worth checking but did not stop the import (a domain's declared TC/TCTP counts differ
   * from its content). Recomputed from the stored content, so a stored set shows them too.
   */
  warnings: CriteriaError[];
}

/** A set as stored. */
export interface CriteriaSetSummary extends CriteriaSetOverview {
  sha256: string;
  importedAt: string;
  /** The highest version of this set id. */
  isLatest: boolean;
}

export interface CriteriaDomainOverview {
  code: string;
  title: string;
  kind: CriteriaItem['kind'];
  maxPoints: number;
  itemCount: number;
  leafCount: number;
  selfScoredCount: number;
}

export interface CriteriaPreview {
  ok: boolean;
  format: 'json' | 'xlsx' | null;
  set: CriteriaSetOverview | null;
  domains: CriteriaDomainOverview[];
  errors: CriteriaError[];
  /** Warnings of a valid file, at their Excel cell or JSON path (also in set.warnings, by JSON path). */
  warnings: CriteriaError[];
}

export interface CriteriaImportResult {
  summary: CriteriaSetSummary;
  /** False when the same content was already stored: nothing was written. */
  created: boolean;
  /** The file's warnings at their Excel cell or JSON path (the import went ahead). */
  warnings: CriteriaError[];
}

export interface ExportedFile {
  fileName: string;
  contentBase64: string;
}

/** About 15 MB of file once decoded. */
export const MAX_CRITERIA_FILE_BASE64 = 20_000_000;

const setIdSchema = z.string().trim().min(1).max(82);
const fileInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64().max(MAX_CRITERIA_FILE_BASE64, 'Tệp quá lớn (tối đa khoảng 15 MB).'),
});

export const criteriaChannels = {
  'criteria/list': channel<CriteriaSetSummary[]>()(z.strictObject({})),
  'criteria/get': channel<CriteriaSet>()(z.strictObject({ id: setIdSchema, version: z.number().int().min(1).optional() })),
  'criteria/preview': channel<CriteriaPreview>()(fileInput),
  'criteria/import': channel<CriteriaImportResult>()(fileInput),
  'criteria/export': channel<ExportedFile>()(
    z.strictObject({ id: setIdSchema, version: z.number().int().min(1).optional(), format: z.enum(['json', 'xlsx']) }),
  ),
  'criteria/template': channel<ExportedFile>()(z.strictObject({})),
};
