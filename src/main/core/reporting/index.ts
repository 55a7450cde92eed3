/** What other domains may use from reporting (the review domain snapshots the dossier at approval). */
export { generateDossierDocuments, generateDocument, type GeneratedFile } from './generate';
export { listPeriods, getReport } from './report-service';
export type { LinkedEvidence } from './evidence-access';
