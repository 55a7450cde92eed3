import type { Handlers } from '../registry';
import { missingEvidence } from './missing-evidence';
import { setStatus, switchSetVersion } from './set-version-switch';
import { dismissSuggestion, listSuggestions, useSuggestion } from './suggestions';
import { getAssessmentNote, saveAssessmentNote } from './assessment-notes';
import { carryOver, compareYears, getAssessmentView, listAssessments, openAssessment, saveEntry } from './assessment-service';

type AssessmentChannel =
  | 'assessment/list'
  | 'assessment/open'
  | 'assessment/get'
  | 'assessment/save-entry'
  | 'assessment/carry-over'
  | 'assessment/compare'
  | 'assessment/missing-evidence'
  | 'assessment/note-get'
  | 'assessment/note-save'
  | 'assessment/set-status'
  | 'assessment/switch-set-version'
  | 'assessment/suggestions'
  | 'assessment/use-suggestion'
  | 'assessment/dismiss-suggestion';

export const assessmentHandlers: Pick<Handlers, AssessmentChannel> = {
  'assessment/list': (_input, ctx) => listAssessments(ctx),
  'assessment/open': ({ year, setId, setVersion }, ctx) => openAssessment(ctx, year, setId, setVersion),
  'assessment/get': ({ year }, ctx) => getAssessmentView(ctx, year),
  'assessment/save-entry': ({ year, code, ...patch }, ctx) => saveEntry(ctx, year, code, patch),
  'assessment/carry-over': ({ fromYear, toYear, setId }, ctx) => carryOver(ctx, fromYear, toYear, setId),
  'assessment/compare': ({ year, previousYear }, ctx) => compareYears(ctx, year, previousYear),
  'assessment/missing-evidence': ({ year }, ctx) => missingEvidence(ctx, year),
  'assessment/note-get': ({ year, key }, ctx) => getAssessmentNote(ctx, year, key),
  'assessment/note-save': ({ year, key, text }, ctx) => saveAssessmentNote(ctx, year, key, text),
  'assessment/set-status': ({ year }, ctx) => setStatus(ctx, year),
  'assessment/switch-set-version': ({ year, toVersion }, ctx) => switchSetVersion(ctx, year, toVersion),
  'assessment/suggestions': ({ year }, ctx) => listSuggestions(ctx, year),
  'assessment/use-suggestion': ({ year, code }, ctx) => useSuggestion(ctx, year, code),
  'assessment/dismiss-suggestion': ({ year, code }, ctx) => dismissSuggestion(ctx, year, code),
};
