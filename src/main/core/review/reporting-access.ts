import { generateDossierDocuments } from '../reporting';
import { reportSubject } from './report-subject';

/**
 * What the review domain asks of the reporting domain: the annual dossier's documents (the
 * Decree-30 self-assessment report and the self-score table), frozen at approval, and the
 * periodic reports as review subjects.
 */
export const reportingAccess = { generateDossierDocuments, reportSubject };
