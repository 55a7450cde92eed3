/** What other domains may call in the appraisal domain. */
export { appraisalColumns, getAppraisalView, getOfficialScore, GIAI_TRINH_ROUND } from './appraisal-service';
export { giaiTrinhDocx } from './giai-trinh-files';
