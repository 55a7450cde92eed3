import { describe, expect, it, vi as vitest } from 'vitest';
import type { CoreContext } from '../../../src/main/core/context';
import { AppError } from '../../../src/main/core/errors';
import { createRegistry, type Handlers } from '../../../src/main/core/registry';
import { handlers } from '../../../src/main/core/handlers';
import { CHANNEL_NAMES } from '../../../src/shared/contract';

const ctx = { db: null, dataDir: '/nowhere', appVersion: 'test', now: () => new Date() } as unknown as CoreContext;

describe('the registry', () => {
  it('has a handler for every contract channel and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('turns an AppError into its code and message, and anything else into INTERNAL without details', async () => {
    const log = vitest.fn();
    const failing = {
      ...handlers,
      'profile/years': () => {
        throw new AppError('NOT_FOUND', 'Không tìm thấy năm đánh giá.');
      },
      'profile/latest': () => {
        throw new Error('SQLITE_CORRUPT: secret path /home/x');
      },
    } as Handlers;
    const registry = createRegistry(failing, ctx, log);
    expect(await registry.invoke('profile/years', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy năm đánh giá.' } });
    const internal = await registry.invoke('profile/latest', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret path');
    expect(log).toHaveBeenCalledOnce();
  });

  it('never calls the handler when the input fails validation', async () => {
    const spy = vitest.fn();
    const registry = createRegistry({ ...handlers, 'profile/get': spy } as Handlers, ctx, () => {});
    const result = await registry.invoke('profile/get', { year: 'năm nay' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(spy).not.toHaveBeenCalled();
  });
});
