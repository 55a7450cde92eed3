import { useState } from 'react';
import type { ReportPeriodCode, ReportView } from '../../../../shared/contract/reports';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { ConfirmBox } from './confirm-box';

interface Props {
  year: number;
  period: ReportPeriodCode;
  /** Starting from the previous report is only offered while the period is still empty. */
  started: boolean;
  /** The report after a bulk change, with what to tell the officer about it. */
  onDone(view: ReportView, message: string): void;
  onError(message: string): void;
}

const t = vi.reports.actions;

/** "Bắt đầu từ kỳ trước" and "Điền sẵn từ tự đánh giá", each behind a confirmation. */
export function ReportActions({ year, period, started, onDone, onError }: Props) {
  const api = useApi();
  const [asking, setAsking] = useState<'previous' | 'prefill' | null>(null);
  const [numbers, setNumbers] = useState<'clear' | 'carry'>('clear');
  const [busy, setBusy] = useState(false);

  async function startFromPrevious() {
    setBusy(true);
    const r = await api.call('reports/start-from-previous', { year, period, numbers });
    setBusy(false);
    setAsking(null);
    if (!r.ok) return onError(r.error.message);
    onDone(r.value.view, t.carried(r.value.from.title, r.value.sectionsCarried, r.value.statisticsCarried));
  }

  async function prefill() {
    setBusy(true);
    const r = await api.call('reports/prefill-from-assessment', { year, period });
    setBusy(false);
    setAsking(null);
    if (!r.ok) return onError(r.error.message);
    onDone(r.value.view, t.prefilled(r.value.filledSections.length));
  }

  return (
    <div className="report-actions">
      <div className="row">
        {!started && (
          <button type="button" className="secondary" onClick={() => setAsking('previous')}>
            {t.fromPrevious}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setAsking('prefill')}>
          {t.prefill}
        </button>
      </div>
      {asking === 'previous' && (
        <ConfirmBox title={t.fromPreviousTitle} confirmLabel={t.fromPreviousConfirm} busy={busy} onConfirm={() => void startFromPrevious()} onCancel={() => setAsking(null)}>
          <p>{t.fromPreviousExplain}</p>
          <fieldset className="choices">
            <legend>{t.numbersLegend}</legend>
            <label className="inline">
              <input type="radio" name="carry-numbers" checked={numbers === 'clear'} onChange={() => setNumbers('clear')} />
              {t.numbersClear}
            </label>
            <label className="inline">
              <input type="radio" name="carry-numbers" checked={numbers === 'carry'} onChange={() => setNumbers('carry')} />
              {t.numbersCarry}
            </label>
          </fieldset>
        </ConfirmBox>
      )}
      {asking === 'prefill' && (
        <ConfirmBox title={t.prefillTitle} confirmLabel={t.prefillConfirm} busy={busy} onConfirm={() => void prefill()} onCancel={() => setAsking(null)}>
          <p>{t.prefillExplain(year)}</p>
        </ConfirmBox>
      )}
    </div>
  );
}
