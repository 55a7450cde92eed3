import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * Keeps a text field in sync with main without a request per key: saves `delay` ms after the last
 * change, on `flush()` (blur), and when the editor unmounts, so switching sections never drops the
 * last words typed. `save` resolves to an error message, or null when main kept the text.
 */
export function useAutosave(initial: string, save: (text: string) => Promise<string | null>, delay = 600) {
  const [text, setText] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(initial);
  const latest = useRef({ text, save });
  latest.current = { text, save };

  // One save at a time, in the order typed, so an older text can never land after a newer one.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const flush = useCallback(() => {
    queue.current = queue.current.then(async () => {
      const { text: current, save: doSave } = latest.current;
      if (current === saved.current) return;
      setState({ kind: 'saving' });
      const error = await doSave(current);
      if (error) return setState({ kind: 'error', message: error });
      saved.current = current;
      // Typing may have gone on while the request was out; only then is there still something to save.
      setState(latest.current.text === current ? { kind: 'saved' } : { kind: 'pending' });
    });
    return queue.current;
  }, []);

  useEffect(() => {
    if (text === saved.current) return;
    setState({ kind: 'pending' });
    const timer = setTimeout(() => void flush(), delay);
    return () => clearTimeout(timer);
  }, [text, delay, flush]);

  useEffect(() => () => void flush(), [flush]);

  return { text, setText, state, flush };
}
