import { useEffect, useState } from 'react';
import type { PlanDueSummary, PlanTask } from '../../../../shared/contract/plan';
import { formatDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.plan.dueCard;
const SHOWN = 5;

function TaskList({ tasks, late }: { tasks: PlanTask[]; late: boolean }) {
  return (
    <ul>
      {tasks.slice(0, SHOWN).map((task) => (
        <li key={task.code}>
          <span className={late ? 'field-error' : undefined}>{t.dueOn(formatDateVi(task.due!))}</span> — {task.code}. {task.title}
          {task.lead ? <span className="muted"> ({task.lead})</span> : null}
        </li>
      ))}
      {tasks.length > SHOWN && <li className="muted">{t.more(tasks.length - SHOWN)}</li>}
    </ul>
  );
}

/** Home page: plan tasks due within 7 days and those overdue. */
export function PlanDueCard({ year, onOpen }: { year: number; onOpen(): void }) {
  const api = useApi();
  const [due, setDue] = useState<PlanDueSummary | null>(null);
  useEffect(() => {
    // Home works without a plan: a failure just leaves the card out.
    void api.call('plan/due', { year }).then((r) => setDue(r.ok ? r.value : null));
  }, [api, year]);
  if (!due) return null;
  return (
    <section className="panel plan-due-card" aria-labelledby="plan-due-title" data-testid="plan-due-card">
      <h2 id="plan-due-title">{t.title}</h2>
      {due.overdue.length === 0 && due.dueSoon.length === 0 && <p className="muted">{t.none}</p>}
      {due.overdue.length > 0 && (
        <div>
          <h3 className="field-error" style={{ margin: '0 0 0.25rem', fontSize: '1rem' }}>{`${t.overdue} (${due.overdue.length})`}</h3>
          <TaskList tasks={due.overdue} late />
        </div>
      )}
      {due.dueSoon.length > 0 && (
        <div>
          <h3 style={{ margin: '0 0 0.25rem', fontSize: '1rem' }}>{`${t.dueSoon} (${due.dueSoon.length})`}</h3>
          <TaskList tasks={due.dueSoon} late={false} />
        </div>
      )}
      <div>
        <button type="button" className="secondary" onClick={onOpen}>
          {t.open}
        </button>
      </div>
    </section>
  );
}
