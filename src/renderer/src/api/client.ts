import type { ChannelName, InputOf, OutputOf, Result } from '../../../shared/contract';
import type { Transport } from './transport';

/** Typed calls derived from the contract: a renamed channel fails to compile here too. */
export interface ApiClient {
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Whether a File slice (BlobBytes) can be sent as an upload's bytes (see Transport). */
  readonly sendsFiles: boolean;
}

export function createClient(transport: Transport): ApiClient {
  return {
    call: (channel, input) => transport(channel, input) as Promise<Result<never>>,
    sendsFiles: transport.sendsFiles === true,
  };
}
