import { documentWarnings, generateDossierDocuments, getReport, listPeriods, periodicReportDocx, resolveDocumentOptions, statisticsXlsx } from '../reporting';

/**
 * What the review domain asks of the reporting domain: the annual dossier's documents (the
 * Decree-30 self-assessment report and the self-score table), frozen at approval, and for a
 * periodic report under review its period, its content and its two documents.
 */
export const reportingAccess = {
  get generateDossierDocuments() {
    return generateDossierDocuments;
  },
  get listPeriods() {
    return listPeriods;
  },
  get getReport() {
    return getReport;
  },
  get periodicReportDocx() {
    return periodicReportDocx;
  },
  get statisticsXlsx() {
    return statisticsXlsx;
  },
  get documentWarnings() {
    return documentWarnings;
  },
  get resolveDocumentOptions() {
    return resolveDocumentOptions;
  },
};
