import { useCallback, useEffect, useState } from 'react';
import type { SavedEntry } from '../../../../shared/contract/assessment';
import type { AnswerSuggestion } from '../../../../shared/contract/suggestions';
import { useApi } from '../../api/context';

/** The year's open suggestions by item code, and «Dùng gợi ý» / «Bỏ qua» through main. */
export function useSuggestions(year: number, onUsed: (saved: SavedEntry) => void) {
  const api = useApi();
  const [list, setList] = useState<AnswerSuggestion[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('assessment/suggestions', { year });
    if (r.ok) setList(r.value);
  }, [api, year]);
  useEffect(() => {
    void load();
  }, [load]);

  const use = async (code: string) => {
    setBusy(true);
    setError(null);
    const r = await api.call('assessment/use-suggestion', { year, code });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setList((l) => l.filter((s) => s.code !== code));
    onUsed(r.value);
  };

  const dismiss = async (code: string) => {
    setBusy(true);
    setError(null);
    const r = await api.call('assessment/dismiss-suggestion', { year, code });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setList(r.value);
  };

  const byCode: Record<string, AnswerSuggestion> = Object.fromEntries(list.map((s) => [s.code, s]));
  return { byCode, busy, error, use, dismiss };
}
