import { getAssessmentView, itemEvidenceKey } from '../assessment/assessment-service';
import { getAssessmentNote } from '../assessment/assessment-notes';

/**
 * What the reporting domain asks of the assessment domain: the year's assessment (set, answers,
 * thuyết minh, scores) for the annual dossier and the prefill of a periodic report, and the key
 * its evidence is linked under.
 */
export const assessmentAccess = {
  get getAssessmentView() {
    return getAssessmentView;
  },
  get itemEvidenceKey() {
    return itemEvidenceKey;
  },
  get getAssessmentNote() {
    return getAssessmentNote;
  },
};
