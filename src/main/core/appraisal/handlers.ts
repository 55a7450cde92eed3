import type { Handlers } from '../registry';
import { appraisalTemplate, getAppraisalView, getOfficialScore, importAppraisal, saveGiaiTrinh, setOutcome, setResponseDeadline } from './appraisal-service';
import { giaiTrinhDocx } from './giai-trinh-files';
import { reportingAccess } from './reporting-access';

type AppraisalChannel =
  | 'appraisal/get'
  | 'appraisal/score'
  | 'appraisal/template'
  | 'appraisal/import'
  | 'appraisal/set-deadline'
  | 'appraisal/save-giai-trinh'
  | 'appraisal/set-outcome'
  | 'appraisal/generate';

export const appraisalHandlers: Pick<Handlers, AppraisalChannel> = {
  'appraisal/get': ({ year }, ctx) => getAppraisalView(ctx, year),
  'appraisal/score': ({ year }, ctx) => getOfficialScore(ctx, year),
  'appraisal/template': ({ year, format, round }, ctx) => appraisalTemplate(ctx, year, format, round),
  'appraisal/import': ({ fileName, contentBase64, year }, ctx) => importAppraisal(ctx, fileName, Buffer.from(contentBase64, 'base64'), year),
  'appraisal/set-deadline': ({ year, round, deadline }, ctx) => setResponseDeadline(ctx, year, round, deadline),
  'appraisal/save-giai-trinh': ({ year, code, text }, ctx) => saveGiaiTrinh(ctx, year, code, text),
  'appraisal/set-outcome': ({ year, rank, rankOf }, ctx) => setOutcome(ctx, year, rank, rankOf),
  'appraisal/generate': async ({ year }, ctx) => {
    const file = await giaiTrinhDocx(ctx, year);
    return { fileName: file.fileName, mime: reportingAccess.DOCX_MIME, base64: file.data.toString('base64') };
  },
};
