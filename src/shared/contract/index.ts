import type { z } from 'zod';
import type { ChannelSpec } from './define';
import { appChannels } from './app';
import { profileChannels } from './profile';
import { authChannels } from './auth';
import { assessmentChannels } from './assessment';
import { criteriaChannels } from './criteria';
import { reportsChannels } from './reports';
import { reviewChannels } from './review';
import { evidenceChannels } from './evidence';
import { exchangeChannels } from './exchange';
import { filesChannels } from './files';
import { appraisalChannels } from './appraisal';
import { planChannels } from './plan';
import { setVersionChannels } from './set-version';
import { suggestionChannels } from './suggestions';

export * from './define';

/** Every channel of the app. A renamed or removed channel fails to compile in main, preload and UI. */
export const contract = {
  ...appChannels,
  ...authChannels,
  ...profileChannels,
  ...assessmentChannels,
  ...criteriaChannels,
  ...reportsChannels,
  ...reviewChannels,
  ...evidenceChannels,
  ...exchangeChannels,
  ...filesChannels,
  ...appraisalChannels,
  ...planChannels,
  ...setVersionChannels,
  ...suggestionChannels,
// eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<string, ChannelSpec<any, any>>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutputOf<C extends ChannelName> = Contract[C] extends ChannelSpec<any, infer O> ? O : never;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
