import { AppError } from '../errors';
import type { Handlers } from '../registry';

type ReportsChannel =
  | 'reports/periods'
  | 'reports/get'
  | 'reports/save-section'
  | 'reports/save-statistics'
  | 'reports/start-from-previous'
  | 'reports/prefill-from-assessment'
  | 'reports/generate';

const notYet = (): never => {
  throw new AppError('NOT_FOUND', 'Chức năng báo cáo đang được hoàn thiện.');
};

export const reportsHandlers: Pick<Handlers, ReportsChannel> = {
  'reports/periods': notYet,
  'reports/get': notYet,
  'reports/save-section': notYet,
  'reports/save-statistics': notYet,
  'reports/start-from-previous': notYet,
  'reports/prefill-from-assessment': notYet,
  'reports/generate': notYet,
};
