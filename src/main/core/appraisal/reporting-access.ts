import * as generate from '../reporting/generate';
import { loadOnFirstCall } from '../load-on-first-call';
import { evidenceNumber } from '../reporting/evidence-access';
import { headerFromProfile, provinceInText } from '../reporting/unit-header';

/**
 * What the appraisal domain asks of the reporting domain: the Decree-30 header and docx writer.
 * The generate module also reads the appraisal (the "Điểm thẩm định" column), so its names are
 * read when called, never at load.
 */
export const reportingAccess = {
  asciiFileName: (title: string, extension: 'docx' | 'xlsx') => generate.asciiFileName(title, extension),
  get DOCX_MIME(): string {
    return generate.DOCX_MIME;
  },
  // Loaded with its docx library when first used (see load-on-first-call.ts).
  writeDecree30Docx: loadOnFirstCall(() => import('../reporting/docx-writer').then((m) => m.writeDecree30Docx)),
  get evidenceNumber() {
    return evidenceNumber;
  },
  get headerFromProfile() {
    return headerFromProfile;
  },
  get provinceInText() {
    return provinceInText;
  },
};
