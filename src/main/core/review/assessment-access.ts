import { getAssessmentView, hasAssessment, itemEvidenceKey } from '../assessment/assessment-service';

/**
 * What the review domain asks of the assessment domain: whether a year's assessment exists, and
 * the assessment itself (items, answers, scores) to freeze at approval, with the key its
 * evidence is linked under.
 */
export const assessmentAccess = { hasAssessment, getAssessmentView, itemEvidenceKey };
