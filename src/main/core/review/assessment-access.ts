import { getAssessmentView, hasAssessment, itemEvidenceKey } from '../assessment/assessment-service';

/**
 * What the review domain asks of the assessment domain: whether a year's assessment exists, and
 * the assessment itself (items, answers, scores) to freeze at approval, with the key its
 * evidence is linked under.
 *
 * Each entry calls through at call time rather than holding the function: the two domains import
 * each other, and a module that starts the chain from the reporting side (the reporting bench,
 * a test) would otherwise read `itemEvidenceKey` before assessment-service has defined it.
 */
export const assessmentAccess = {
  hasAssessment: ((...args) => hasAssessment(...args)) as typeof hasAssessment,
  getAssessmentView: ((...args) => getAssessmentView(...args)) as typeof getAssessmentView,
  itemEvidenceKey: ((...args) => itemEvidenceKey(...args)) as typeof itemEvidenceKey,
};
