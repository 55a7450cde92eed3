import { z } from 'zod';
import type { Answer } from '../criteria/format';
import type { SetItemChange } from '../criteria/set-diff';
import { channel } from './define';
import { profileYearSchema } from './profile';

/** An answer (or thuyết minh) that did not move to the newer set version, and why. */
export interface NotCarriedEntry {
  code: string;
  title: string;
  reason: string;
  answer: Answer | null;
  /** The answer in words, read with the old version's item («Đầy đủ nhưng có báo cáo trễ hạn»). */
  answerText: string;
  explanation: string;
}

/** One switch of the year's assessment to a newer version of its criteria set. */
export interface SetSwitchRecord {
  fromVersion: number;
  toVersion: number;
  switchedAt: string;
  actor: string;
  notCarried: NotCarriedEntry[];
}

/** A newer version of the set the year's assessment uses, announced on the assessment page. */
export interface SetUpdateInfo {
  setId: string;
  setName: string;
  currentVersion: number;
  newestVersion: number;
  changes: SetItemChange[];
  /** What a switch would do now: item codes whose answers carry, and what would not. */
  willCarry: string[];
  willNotCarry: NotCarriedEntry[];
  /** Why the switch cannot be made now (the version is with the leader or approved), or null. */
  refusal: string | null;
}

export interface SetStatus {
  setId: string;
  setName: string;
  version: number;
  /** Null when the assessment uses the newest stored version. */
  update: SetUpdateInfo | null;
  /** Every earlier switch, oldest first. */
  history: SetSwitchRecord[];
}

export interface SetSwitchResult {
  fromVersion: number;
  toVersion: number;
  carried: string[];
  notCarried: NotCarriedEntry[];
}

export const setVersionChannels = {
  /** The set version in use, a newer one if stored (with what changed), and the switches made. */
  'assessment/set-status': channel<SetStatus | null>()(z.strictObject({ year: profileYearSchema })),
  /** One step to the newer version: answers carried by item code, what did not carry kept and listed. */
  'assessment/switch-set-version': channel<SetSwitchResult>()(
    z.strictObject({ year: profileYearSchema, toVersion: z.number().int().min(1).max(100_000) }),
  ),
};
