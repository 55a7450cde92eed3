import type { ZipProblemKind } from './manifest';

/** The short tag before each problem of a package check, the same in the window and in `cchc`. */
export const ZIP_PROBLEM_LABELS: Record<ZipProblemKind, string> = {
  hostile: 'nguy hiểm',
  corrupt: 'hỏng',
  'manifest-missing': 'thiếu kê khai',
  'manifest-invalid': 'kê khai sai',
  missing: 'thiếu tệp',
  extra: 'tệp lạ',
  altered: 'bị sửa',
};
