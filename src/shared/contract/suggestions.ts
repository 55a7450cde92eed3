import { z } from 'zod';
import { itemCodeSchema, type Answer } from '../criteria/format';
import type { SavedEntry } from './assessment';
import { channel } from './define';
import { profileYearSchema } from './profile';

/**
 * Last year's answer offered on an item («Bắt đầu từ năm trước»): shown beside the item, not an
 * answer. It neither counts as answered nor scores until the officer confirms it («Dùng gợi ý»).
 */
export interface AnswerSuggestion {
  code: string;
  fromYear: number;
  answer: Answer | null;
  /** The answer in words, as last year's item read it. */
  answerText: string;
  explanation: string;
}

const itemInput = z.strictObject({ year: profileYearSchema, code: itemCodeSchema });

export const suggestionChannels = {
  /** The suggestions still open on the year's items (an item answered since shows none). */
  'assessment/suggestions': channel<AnswerSuggestion[]>()(z.strictObject({ year: profileYearSchema })),
  /** «Dùng gợi ý»: the suggestion becomes the item's answer and thuyết minh, saved as any edit. */
  'assessment/use-suggestion': channel<SavedEntry>()(itemInput),
  /** «Bỏ qua»: the suggestion is dropped; the item stays as it is. */
  'assessment/dismiss-suggestion': channel<AnswerSuggestion[]>()(itemInput),
};
