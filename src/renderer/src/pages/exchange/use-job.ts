import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExchangeJob } from '../../../../shared/contract/exchange';
import { useApi } from '../../api/context';

/** Follows an export or backup job running in main, polling its progress until it ends. */
export function useJob(onEnd?: (job: ExchangeJob) => void) {
  const api = useApi();
  const [job, setJob] = useState<ExchangeJob | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A poll still awaiting main when the page goes away must not arm the next one.
  const alive = useRef(true);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const follow = useCallback(
    (started: ExchangeJob) => {
      setJob(started);
      const poll = async () => {
        const r = await api.call('exchange/job', { id: started.id });
        if (!alive.current) return;
        if (!r.ok) {
          setJob({ ...started, state: 'failed', error: r.error });
          return;
        }
        // The download token is given once, when the job starts; polls do not repeat it.
        const current = started.download ? { ...r.value, download: started.download } : r.value;
        setJob(current);
        if (current.state === 'running') timer.current = setTimeout(() => void poll(), 300);
        else endRef.current?.(current);
      };
      timer.current = setTimeout(() => void poll(), 150);
    },
    [api],
  );
  return { job, follow };
}
