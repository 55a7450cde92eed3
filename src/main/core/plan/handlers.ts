import type { Handlers } from '../registry';
import { importPlanFile } from './plan-import';
import { addRemediation, criterionFacts, deleteTask, dueSummary, getPlanView, savePlan, saveTask } from './plan-service';
import { todayInVietnam } from '../../../shared/text/vi';
import { loadOnFirstCall } from '../load-on-first-call';

// Loaded with its document library when first used (see load-on-first-call.ts).
const planTemplateXlsx = loadOnFirstCall(() => import('./plan-xlsx').then((m) => m.planTemplateXlsx));

type PlanChannel =
  | 'plan/get'
  | 'plan/save'
  | 'plan/save-task'
  | 'plan/delete-task'
  | 'plan/import'
  | 'plan/template'
  | 'plan/due'
  | 'plan/add-remediation'
  | 'plan/criterion-facts';

export const planHandlers: Pick<Handlers, PlanChannel> = {
  'plan/get': ({ year }, ctx) => getPlanView(ctx, year),
  'plan/save': ({ year, ...fields }, ctx) => savePlan(ctx, year, fields),
  'plan/save-task': ({ year, task }, ctx) => saveTask(ctx, year, task),
  'plan/delete-task': ({ year, code }, ctx) => deleteTask(ctx, year, code),
  'plan/import': (input, ctx) => importPlanFile(ctx, input),
  'plan/template': async (_input, ctx) => {
    const year = Number(todayInVietnam(ctx.now()).slice(0, 4));
    return { fileName: `Mau-ke-hoach-CCHC-${year}.xlsx`, contentBase64: (await planTemplateXlsx(year)).toString('base64') };
  },
  'plan/due': ({ year }, ctx) => dueSummary(ctx, year),
  'plan/add-remediation': ({ year, items }, ctx) => addRemediation(ctx, year, items),
  'plan/criterion-facts': ({ year }, ctx) => criterionFacts(ctx, year),
};
