import type { Handlers } from '../registry';
import { deliverOnDesktop } from './deliver';
import { generateDocument } from './generate';
import { documentWarnings } from './document-warnings';
import { getReport, listPeriods, prefillFromAssessment, saveSection, saveStatistics, startFromPrevious } from './report-service';

type ReportsChannel =
  | 'reports/periods'
  | 'reports/get'
  | 'reports/save-section'
  | 'reports/save-statistics'
  | 'reports/start-from-previous'
  | 'reports/prefill-from-assessment'
  | 'reports/generate'
  | 'assessment/document-warnings';

export const reportsHandlers: Pick<Handlers, ReportsChannel> = {
  'reports/periods': ({ year }, ctx) => listPeriods(ctx, year),
  'reports/get': ({ year, period }, ctx) => getReport(ctx, year, period),
  'reports/save-section': ({ year, period, code, text }, ctx) => saveSection(ctx, year, period, code, text),
  'reports/save-statistics': ({ year, period, values }, ctx) => saveStatistics(ctx, year, period, values),
  'reports/start-from-previous': ({ year, period, numbers }, ctx) => startFromPrevious(ctx, year, period, numbers),
  'reports/prefill-from-assessment': ({ year, period }, ctx) => prefillFromAssessment(ctx, year, period),
  'reports/generate': async ({ kind, year, period, deliver }, ctx) => {
    const document = await generateDocument(ctx, kind, year, period);
    return deliver === 'save-and-open' ? deliverOnDesktop(ctx, document) : document;
  },
  'assessment/document-warnings': ({ year }, ctx) => documentWarnings(ctx, year),
};
