import type { CriteriaImportResult, CriteriaPreview } from '../../../shared/contract/criteria';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../registry';
import { ensureBundledSetsOnce } from './bundled-sets';
import { getSet, listSets, saveSet } from './criteria-store';
import { readCriteriaFile } from './import-file';
import { exportCriteriaJson } from './json-io';
import { domainOverviews, overviewOf } from './overview';
import { createBlankTemplate, exportSetToXlsx } from './xlsx-io';

type CriteriaChannels = 'criteria/list' | 'criteria/get' | 'criteria/preview' | 'criteria/import' | 'criteria/export' | 'criteria/template';

const MAX_LISTED_ERRORS = 50;

function ready(ctx: CoreContext): void {
  ensureBundledSetsOnce(ctx.db, ctx.now());
}

function requireSet(ctx: CoreContext, id: string, version?: number) {
  const set = getSet(ctx.db, id, version);
  if (!set) {
    throw new AppError('NOT_FOUND', version === undefined ? `Không có bộ chỉ số «${id}».` : `Không có bộ chỉ số «${id}» phiên bản ${version}.`);
  }
  return set;
}

async function preview(fileName: string, contentBase64: string): Promise<CriteriaPreview> {
  const { format, result } = await readCriteriaFile(fileName, Buffer.from(contentBase64, 'base64'));
  if (!result.ok) return { ok: false, format, set: null, domains: [], errors: result.errors, warnings: [] };
  return { ok: true, format, set: overviewOf(result.set), domains: domainOverviews(result.set), errors: [], warnings: result.warnings };
}

async function importFile(ctx: CoreContext, fileName: string, contentBase64: string): Promise<CriteriaImportResult> {
  const { result } = await readCriteriaFile(fileName, Buffer.from(contentBase64, 'base64'));
  if (!result.ok) {
    const shown = result.errors.slice(0, MAX_LISTED_ERRORS).map((e) => `- ${e.where}: ${e.message}`);
    const more = result.errors.length > MAX_LISTED_ERRORS ? [`… và ${result.errors.length - MAX_LISTED_ERRORS} lỗi khác.`] : [];
    throw new AppError('VALIDATION_FAILED', [`Bộ chỉ số có ${result.errors.length} lỗi nên chưa được nhập:`, ...shown, ...more].join('\n'), result.errors);
  }
  ready(ctx);
  return { ...saveSet(ctx.db, result.set, ctx.now()), warnings: result.warnings };
}

export const criteriaHandlers: Pick<Handlers, CriteriaChannels> = {
  'criteria/list': (_input, ctx) => {
    ready(ctx);
    return listSets(ctx.db);
  },
  'criteria/get': ({ id, version }, ctx) => {
    ready(ctx);
    return requireSet(ctx, id, version);
  },
  'criteria/preview': ({ fileName, contentBase64 }) => preview(fileName, contentBase64),
  'criteria/import': ({ fileName, contentBase64 }, ctx) => importFile(ctx, fileName, contentBase64),
  'criteria/export': async ({ id, version, format }, ctx) => {
    ready(ctx);
    const set = requireSet(ctx, id, version);
    const fileName = `${set.id}-v${set.version}.${format}`;
    const bytes = format === 'json' ? Buffer.from(exportCriteriaJson(set), 'utf8') : await exportSetToXlsx(set);
    return { fileName, contentBase64: bytes.toString('base64') };
  },
  'criteria/template': async () => ({ fileName: 'mau-bo-chi-so-cchc.xlsx', contentBase64: (await createBlankTemplate()).toString('base64') }),
};
