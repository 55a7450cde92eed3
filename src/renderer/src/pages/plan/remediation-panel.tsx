import { useEffect, useState } from 'react';
import { selfScoredLeaves } from '../../../../shared/criteria/tree';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.plan.remediationPanel;

interface Lost {
  code: string;
  title: string;
  lost: number;
}

/**
 * «Khắc phục hạn chế từ kết quả Chỉ số năm trước»: the criteria that lost points in last year's
 * assessment, to turn into remediation tasks of this year's plan (marked as such).
 */
export function RemediationPanel({ year, existing, onCreated }: { year: number; existing: ReadonlySet<string>; onCreated(): void }) {
  const api = useApi();
  const [lost, setLost] = useState<Lost[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    void api.call('assessment/get', { year: year - 1 }).then((r) => {
      if (!r.ok || !r.value) return setLost([]);
      const view = r.value;
      setLost(
        selfScoredLeaves(view.set)
          .map(({ item }) => ({ item, score: view.score.items[item.code] }))
          .filter(({ score }) => score && score.answered && score.points < score.effectiveMax)
          .map(({ item, score }) => ({ code: item.code, title: item.title, lost: score!.effectiveMax - score!.points })),
      );
    });
  }, [api, year]);

  if (!lost || lost.length === 0) return null;
  const open = lost.filter((l) => !existing.has(`KP-${l.code}`));

  async function create() {
    const items = open.filter((l) => chosen.has(l.code)).map((l) => ({ criterionCode: l.code, title: l.title, due: null }));
    if (items.length === 0) return;
    const r = await api.call('plan/add-remediation', { year, items });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setChosen(new Set());
    setMessage({ kind: 'success', text: t.created(r.value.length) });
    onCreated();
  }

  return (
    <section className="panel" aria-labelledby="remediation-title">
      <h2 id="remediation-title">{t.title(year - 1)}</h2>
      <p className="muted small">{t.intro}</p>
      {open.length === 0 ? (
        <p className="ok-text">{t.allCreated}</p>
      ) : (
        <ul className="plain-list">
          {open.map((l) => (
            <li key={l.code}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(l.code)}
                  onChange={(e) =>
                    setChosen((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(l.code);
                      else next.delete(l.code);
                      return next;
                    })
                  }
                />{' '}
                {l.code}. {l.title} <span className="muted">({t.lost(formatPointsVi(l.lost))})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <MessageLine message={message} />
      {open.length > 0 && (
        <div>
          <button type="button" className="secondary" disabled={chosen.size === 0} onClick={() => void create()}>
            {t.create}
          </button>
        </div>
      )}
    </section>
  );
}
