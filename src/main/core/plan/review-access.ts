import type { CoreContext } from '../context';
import { appendAudit } from '../review';

/** What the plan domain asks of the review domain: every plan or task change goes into the audit log. */
export function recordPlanEdit(ctx: CoreContext, year: number, change: { action: string; target?: string; old?: unknown; new?: unknown }): void {
  appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, subject: `plan:${year}`, ...change });
}
