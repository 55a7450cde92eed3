import { useState } from 'react';
import { REPORT_SEND_CHANNEL_LABELS, REPORT_SEND_CHANNELS, type ReportPeriodInfo, type ReportSendChannel } from '../../../../shared/contract/reports';
import { formatDateVi, parseDateVi, todayInVietnam } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.reportSending;

/** Recording that the report went out: số ký hiệu, ngày gửi, kênh. */
export function SendingPanel({ period, onChange }: { period: ReportPeriodInfo; onChange(next: ReportPeriodInfo): void }) {
  const api = useApi();
  const canRecord = useAuth().can('reports/mark-sent');
  const sent = period.sent;
  const [editing, setEditing] = useState(false);
  const [number, setNumber] = useState(sent?.number ?? '');
  const [date, setDate] = useState(formatDateVi(sent?.sentDate ?? todayInVietnam()));
  const [channel, setChannel] = useState<ReportSendChannel>(sent?.channel ?? 'truc-lien-thong');
  const [message, setMessage] = useState<Message | null>(null);

  async function record(e: React.FormEvent) {
    e.preventDefault();
    const iso = parseDateVi(date);
    if (!iso) return setMessage({ kind: 'error', text: t.dateInvalid });
    const r = await api.call('reports/mark-sent', { year: period.year, period: period.code, number, sentDate: iso, channel });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setEditing(false);
    setMessage({ kind: 'success', text: t.recorded });
    onChange(r.value);
  }

  async function remove() {
    if (!window.confirm(t.removeConfirm)) return;
    const r = await api.call('reports/unmark-sent', { year: period.year, period: period.code });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setMessage(null);
    onChange(r.value);
  }

  if (!canRecord && !sent) return null;
  return (
    <section className="panel" aria-labelledby="sending-title" data-testid="sending-panel">
      <h2 id="sending-title">{t.title}</h2>
      {sent && !editing ? (
        <>
          <p>
            <strong>
              {t.sentOn(formatDateVi(sent.sentDate))} — {sent.onTime ? t.onTime : t.late(sent.daysLate)}
            </strong>{' '}
            {t.via(REPORT_SEND_CHANNEL_LABELS[sent.channel], sent.number)}
          </p>
          {canRecord && (
            <div className="row">
              <button type="button" className="secondary" onClick={() => setEditing(true)}>
                {t.change}
              </button>
              <button type="button" className="link" onClick={() => void remove()}>
                {t.remove}
              </button>
            </div>
          )}
        </>
      ) : (
        <form className="row" aria-label={t.title} onSubmit={(e) => void record(e)}>
          <p className="muted small" style={{ flexBasis: '100%', margin: 0 }}>
            {t.intro}
          </p>
          <label className="field">
            <span>{t.number}</span>
            <input value={number} placeholder={t.numberHint} onChange={(e) => setNumber(e.target.value)} />
          </label>
          <label className="field">
            <span>{t.date}</span>
            <input value={date} placeholder="dd/mm/yyyy" onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="field">
            <span>{t.channel}</span>
            <select value={channel} onChange={(e) => setChannel(e.target.value as ReportSendChannel)}>
              {REPORT_SEND_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {REPORT_SEND_CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t.record}
          </button>
        </form>
      )}
      <MessageLine message={message} />
    </section>
  );
}
