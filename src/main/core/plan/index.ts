/** What other domains may use from the plan (reporting fills Section I and the biểu số liệu from it). */
export { getPlanView, periodCompletions, planReference } from './plan-service';
export { completionPhrase } from './completion';
export { planFileUses, type PlanFileUse } from './file-holders';
