import { asciiFileName, DOCX_MIME } from '../reporting/generate';
import { writeDecree30Docx } from '../reporting/docx-writer';
import { evidenceNumber } from '../reporting/evidence-access';
import { headerFromProfile, provinceInText } from '../reporting/unit-header';

/** What the appraisal domain asks of the reporting domain: the Decree-30 header and docx writer. */
export const reportingAccess = { asciiFileName, DOCX_MIME, writeDecree30Docx, evidenceNumber, headerFromProfile, provinceInText };
