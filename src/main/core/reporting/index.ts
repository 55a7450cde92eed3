/** What other domains may use from reporting (the review domain snapshots the dossier and the periodic reports at approval). */
export { generateDossierDocuments, generateDocument, periodicReportDocx, statisticsXlsx, type GeneratedFile } from './generate';
export { listPeriods, getReport, yearSendingRecord } from './report-service';
export type { LinkedEvidence } from './evidence-access';
export { documentWarnings } from './document-warnings';
export { resolveDocumentOptions } from './document-options';
