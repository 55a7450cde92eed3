import { describe, expect, it } from 'vitest';
import { releaseChunk } from '../../../src/main/browser/server';

/**
 * The browser host frees each upload body chunk as soon as the reader has copied it (the memory
 * and collections of a 1 GB upload, ARCHITECTURE.md «Browser upload»); it must never touch memory
 * the chunk shares with other buffers.
 */
describe('releasing an upload body chunk', () => {
  it('frees a chunk that is the whole of its memory, as the HTTP parser makes them', () => {
    const chunk = Buffer.alloc(64 * 1024, 7);
    expect(chunk.buffer.byteLength).toBe(64 * 1024);
    releaseChunk(chunk);
    expect(chunk.buffer.byteLength).toBe(0);
    expect(chunk.length).toBe(0);
  });

  it('leaves alone a chunk that is a view into a larger buffer (Node pool, a slice)', () => {
    const pooled = Buffer.from('tài liệu kiểm chứng');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    releaseChunk(pooled);
    expect(pooled.toString()).toBe('tài liệu kiểm chứng');

    const whole = Buffer.alloc(1024, 1);
    const part = whole.subarray(0, 512);
    releaseChunk(part);
    expect(whole.buffer.byteLength).toBe(1024);
    expect(part[511]).toBe(1);
  });
});
