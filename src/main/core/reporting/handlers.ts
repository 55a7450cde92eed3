import type { Handlers } from '../registry';
import { deliverOnDesktop } from './deliver';
import { generateDocument } from './generate';
import { documentWarnings } from './document-warnings';
import { refuseGenerateIfBlocked } from './review-access';
import { getDocumentOptions, saveDocumentOptions } from './document-options';
import { clearSent, getReport, listPeriods, prefillFromAssessment, recordSent, saveSection, saveStatistics, startFromPrevious, yearSendingRecord } from './report-service';

type ReportsChannel =
  | 'reports/periods'
  | 'reports/get'
  | 'reports/save-section'
  | 'reports/save-statistics'
  | 'reports/start-from-previous'
  | 'reports/prefill-from-assessment'
  | 'reports/generate'
  | 'assessment/document-warnings'
  | 'reports/mark-sent'
  | 'reports/unmark-sent'
  | 'reports/sending-record'
  | 'reports/document-options'
  | 'reports/save-document-options';

export const reportsHandlers: Pick<Handlers, ReportsChannel> = {
  'reports/periods': ({ year }, ctx) => listPeriods(ctx, year),
  'reports/get': ({ year, period }, ctx) => getReport(ctx, year, period),
  'reports/save-section': ({ year, period, code, text }, ctx) => saveSection(ctx, year, period, code, text),
  'reports/save-statistics': ({ year, period, values }, ctx) => saveStatistics(ctx, year, period, values),
  'reports/start-from-previous': ({ year, period, numbers }, ctx) => startFromPrevious(ctx, year, period, numbers),
  'reports/prefill-from-assessment': ({ year, period }, ctx) => prefillFromAssessment(ctx, year, period),
  'reports/mark-sent': ({ year, period, ...input }, ctx) => recordSent(ctx, year, period, input),
  'reports/unmark-sent': ({ year, period }, ctx) => clearSent(ctx, year, period),
  'reports/sending-record': ({ year }, ctx) => yearSendingRecord(ctx, year),
  'reports/generate': async ({ kind, year, period, deliver }, ctx) => {
    refuseGenerateIfBlocked(ctx, kind, year, period);
    const document = await generateDocument(ctx, kind, year, period);
    return deliver === 'save-and-open' ? deliverOnDesktop(ctx, document) : document;
  },
  'assessment/document-warnings': ({ year }, ctx) => documentWarnings(ctx, year),
  'reports/document-options': ({ year, period }, ctx) => getDocumentOptions(ctx, year, period),
  'reports/save-document-options': ({ year, period, documentDate, recipients }, ctx) => saveDocumentOptions(ctx, year, period, { documentDate, recipients }),
};
