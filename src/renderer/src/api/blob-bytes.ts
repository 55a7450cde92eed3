import { StreamedBytes } from '../../../shared/contract/streamed-bytes';

/**
 * A slice of a picked File sent as an upload's bytes: the HTTP transport makes it the request
 * body, so the browser reads it from the disk as it sends and the page never holds it in memory.
 * (It can be iterated too, as the contract's StreamedBytes says, though the transport does not.)
 */
export class BlobBytes extends StreamedBytes {
  readonly size: number;

  constructor(readonly blob: Blob) {
    super();
    this.size = blob.size;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const reader = this.blob.stream().getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
}
