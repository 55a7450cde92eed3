import { getAppraisalView, giaiTrinhDocx } from '../appraisal';

/**
 * What the review domain asks of the appraisal domain: the giải trình round (items, texts, the
 * tài liệu bổ sung keys) to freeze at approval, and its Văn bản giải trình.
 */
export const appraisalAccess = {
  get getAppraisalView() {
    return getAppraisalView;
  },
  get giaiTrinhDocx() {
    return giaiTrinhDocx;
  },
};
