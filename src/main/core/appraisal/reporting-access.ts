import * as generate from '../reporting/generate';
import { writeDecree30Docx } from '../reporting/docx-writer';
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
  writeDecree30Docx,
  evidenceNumber,
  headerFromProfile,
  provinceInText,
};
