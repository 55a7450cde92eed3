import { useRef, useState } from 'react';
import type { ReportPeriodCode, ReportStatisticRow } from '../../../../shared/contract/reports';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { SaveStatus } from './save-status';
import { StatisticsTable, type StatisticsRowView } from './statistics-table';
import type { SaveState } from './use-autosave';

interface Props {
  year: number;
  period: ReportPeriodCode;
  rows: ReportStatisticRow[];
  onRows(rows: ReportStatisticRow[]): void;
}

const t = vi.reports.statistics;

/**
 * The biểu số liệu with its autosave. Main keeps values all or nothing: a refused value (say a
 * numerator above its denominator) stays typed and marked unsaved beside the reason, and is sent
 * again with the next edit, so fixing the other number of the pair saves both.
 */
export function StatisticsPanel({ year, period, rows, onRows }: Props) {
  const api = useApi();
  const [pending, setPending] = useState<Record<string, number | null>>({});
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // Edits are sent one call at a time, each with everything still unsaved, in the order typed.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const unsaved = useRef<Record<string, number | null>>({});

  const change = (code: string, value: number | null) => {
    unsaved.current = { ...unsaved.current, [code]: value };
    setPending(unsaved.current);
    setState({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      const batch = unsaved.current;
      const values = Object.entries(batch).map(([c, v]) => ({ code: c, value: v }));
      if (values.length === 0) return;
      const r = await api.call('reports/save-statistics', { year, period, values });
      if (!r.ok) {
        setRefusal({ code, message: r.error.message });
        setState({ kind: 'error', message: t.notSaved });
        return;
      }
      // Keep only what was typed after this batch left.
      const rest = Object.fromEntries(Object.entries(unsaved.current).filter(([c, v]) => !(c in batch) || batch[c] !== v));
      unsaved.current = rest;
      setPending(rest);
      setRefusal(null);
      onRows(r.value);
      setState(Object.keys(rest).length ? { kind: 'saving' } : { kind: 'saved' });
    });
  };

  const view: StatisticsRowView[] = rows.map((row, index) => ({
    code: row.code,
    number: `(${index + 1})`,
    name: row.label,
    unitLabel: row.unitLabel,
    group: row.group,
    value: row.code in pending ? pending[row.code]! : row.value,
    computed: row.computed,
    formulaText: row.formulaText,
    unsaved: row.code in pending && state.kind === 'error',
    messages: [row.message, refusal?.code === row.code ? refusal.message : null].filter((m): m is string => !!m),
  }));

  return (
    <section className="statistics-panel" aria-labelledby="statistics-title">
      <div className="row between">
        <h2 id="statistics-title">{t.title}</h2>
        <SaveStatus state={state} />
      </div>
      <p className="muted small">{t.hint}</p>
      {rows.length === 0 ? <p>{t.empty}</p> : <StatisticsTable rows={view} onChange={change} />}
    </section>
  );
}
