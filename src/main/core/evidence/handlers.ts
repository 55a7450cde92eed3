import { AppError } from '../errors';
import type { Handlers } from '../registry';

type EvidenceChannel = Extract<keyof Handlers, `evidence/${string}`>;

/** TEMP: the contract is in place for the window; the service follows in the next commits. */
const notYet = (): never => {
  throw new AppError('INTERNAL', 'Chức năng tài liệu kiểm chứng đang được hoàn thiện.');
};

export const evidenceHandlers: Pick<Handlers, EvidenceChannel> = {
  'evidence/upload-begin': notYet,
  'evidence/upload-chunk': notYet,
  'evidence/upload-finish': notYet,
  'evidence/upload-cancel': notYet,
  'evidence/links': notYet,
  'evidence/link': notYet,
  'evidence/unlink': notYet,
  'evidence/delete': notYet,
  'evidence/list': notYet,
  'evidence/get': notYet,
  'evidence/update-meta': notYet,
  'evidence/search': notYet,
  'evidence/verify': notYet,
  'evidence/status': notYet,
  'evidence/preview': notYet,
  'evidence/open': notYet,
};
