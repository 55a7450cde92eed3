import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftComment, SubjectKind } from '../../../../shared/contract/review';
import { useApi } from '../../api/context';

export interface DraftComments {
  /** Target code → text, as typed (saved shortly after). */
  texts: Record<string, string>;
  /** The drafts with text, in the order main keeps them (what «Trả lại» sends). */
  list: DraftComment[];
  set(target: string, body: string): void;
  /** Sends what is still waiting in the debounce, so «Trả lại» includes the last keystrokes. */
  flush(): Promise<void>;
  error: string | null;
  /** Drafts were read (the leader may type). */
  ready: boolean;
  reload(): Promise<void>;
}

const SAVE_DELAY_MS = 400;

/**
 * A leader's unsent comments on a dossier, kept in main (review/drafts) so they survive leaving the
 * page, a reload or a lock. Typing updates the box at once and is saved after a short pause; a
 * pending save is sent when the component goes away.
 */
export function useDraftComments(kind: SubjectKind, key: string, enabled: boolean): DraftComments {
  const api = useApi();
  const [list, setList] = useState<DraftComment[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const pending = useRef(new Map<string, { body: string; timer: ReturnType<typeof setTimeout> }>());

  const reload = useCallback(async () => {
    if (!enabled) return;
    const r = await api.call('review/drafts', { kind, key });
    if (!r.ok) return setError(r.error.message);
    setList(r.value);
    setTexts(Object.fromEntries(r.value.map((d) => [d.target, d.body])));
    setReady(true);
  }, [api, kind, key, enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const send = useCallback(
    async (target: string, body: string) => {
      const r = await api.call('review/save-draft', { kind, key, target, body });
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setList(r.value);
    },
    [api, kind, key],
  );

  const set = useCallback(
    (target: string, body: string) => {
      setTexts((t) => ({ ...t, [target]: body }));
      const waiting = pending.current.get(target);
      if (waiting) clearTimeout(waiting.timer);
      const timer = setTimeout(() => {
        pending.current.delete(target);
        void send(target, body);
      }, SAVE_DELAY_MS);
      pending.current.set(target, { body, timer });
    },
    [send],
  );

  const flush = useCallback(async () => {
    const waiting = [...pending.current.entries()];
    pending.current.clear();
    for (const [target, { body, timer }] of waiting) {
      clearTimeout(timer);
      await send(target, body);
    }
  }, [send]);

  // Leaving the page must not drop the last words typed.
  useEffect(() => () => void flush(), [flush]);

  return { texts, list, set, flush, error, ready, reload };
}
