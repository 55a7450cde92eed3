import type { CheckAction, CheckKind, CheckSeverity } from '../contract/review';

/**
 * Which checks run before each action and whether a finding stops it. Data, not code: a province
 * that wants every item answered before sending changes 'unanswered' here to 'blocking' for
 * 'submit'. A kind absent for an action is not checked before it. Main enforces the blocking ones
 * (review/submit refuses); the page shows all of them with a link to fix each.
 */
export const CHECK_RULES: Record<CheckKind, Partial<Record<CheckAction, CheckSeverity>>> = {
  // Unresolved leader comments: the workflow already refuses to send them back unanswered.
  'open-comments': { submit: 'blocking' },
  unanswered: { submit: 'warning', generate: 'warning' },
  'no-evidence-or-explanation': { submit: 'warning', generate: 'warning' },
  'evidence-unconfirmed': { submit: 'warning' },
  'evidence-other-year': { submit: 'warning', generate: 'warning' },
  'empty-section': { submit: 'warning', generate: 'warning' },
  'set-update': { submit: 'warning', generate: 'warning' },
  'signed-copy-missing': { export: 'warning' },
  // What the generated document would print as a placeholder: worth seeing before the file is made.
  'explanation-placeholder': { generate: 'warning' },
  'evidence-bare-name': { generate: 'warning' },
};

export function severityOf(kind: CheckKind, action: CheckAction): CheckSeverity | null {
  return CHECK_RULES[kind][action] ?? null;
}
