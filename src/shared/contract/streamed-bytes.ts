/**
 * Bytes that arrive as a stream rather than in one buffer: the browser host hands a call the raw
 * request body as it comes off the socket (one upload request may carry tens of MiB at fixed
 * memory), and the window names the slice of a File the browser should send from the disk. Only
 * a transport makes one; the contract checks the declared `size`, and the reader must check that
 * exactly that many bytes arrive (a request can be cut short). A chunk is the reader's only until
 * it asks for the next one: the transport may free it then (the browser host does), so a reader
 * copies what it keeps.
 */
export abstract class StreamedBytes {
  /** The length the sender declared (an HTTP request's Content-Length). */
  abstract readonly size: number;
  abstract [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
}
