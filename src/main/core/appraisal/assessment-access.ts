import { getAssessmentView, listAssessments } from '../assessment/assessment-service';

/** What the appraisal domain asks of the assessment domain: the year's set, answers and self-score. */
export const assessmentAccess = {
  get getAssessmentView() {
    return getAssessmentView;
  },
  get listAssessments() {
    return listAssessments;
  },
};
