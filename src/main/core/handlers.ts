import type { Handlers } from './registry';
import { appHandlers } from './app-handlers';
import { profileHandlers } from './profile/handlers';
import { authHandlers } from './auth/handlers';
import { assessmentHandlers } from './assessment/handlers';
import { criteriaHandlers } from './criteria/handlers';
import { reportsHandlers } from './reporting/handlers';
import { reviewHandlers } from './review/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { filesHandlers } from './output/handlers';
import { appraisalHandlers } from './appraisal/handlers';
import { planHandlers } from './plan/handlers';

/** Contract channel → handler. The type makes a missing or misspelled channel a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...authHandlers,
  ...profileHandlers,
  ...assessmentHandlers,
  ...criteriaHandlers,
  ...reportsHandlers,
  ...reviewHandlers,
  ...evidenceHandlers,
  ...exchangeHandlers,
  ...filesHandlers,
  ...appraisalHandlers,
  ...planHandlers,
};
