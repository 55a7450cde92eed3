import { TASK_SOURCE_LABELS, TASK_STATUS_LABELS, type PlanTask } from '../../../../shared/contract/plan';
import { vi } from '../../i18n/vi';
import { dateText } from './plan-format';

const t = vi.plan;

/** The plan's tasks in plan order; overdue open tasks are marked. */
export function TaskTable({ tasks, today, canEdit, onEdit, onRemove }: { tasks: PlanTask[]; today: string; canEdit: boolean; onEdit(task: PlanTask): void; onRemove(task: PlanTask): void }) {
  if (tasks.length === 0) return <p className="muted">{t.noTasks}</p>;
  return (
    <table className="grid" data-testid="plan-tasks">
      <thead>
        <tr>
          <th>{t.code}</th>
          <th>{t.content}</th>
          <th>{t.lead}</th>
          <th>{t.deadline}</th>
          <th>{t.product}</th>
          <th>{t.status}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const open = task.status === 'chua-lam' || task.status === 'dang-lam';
          const late = open && task.due !== null && task.due < today;
          return (
            <tr key={task.code}>
              <td>{task.code}</td>
              <td>
                {task.title}
                {task.source !== 'own' && (
                  <div className="muted small">
                    {TASK_SOURCE_LABELS[task.source]}
                    {task.sourceRef ? ` ${task.sourceRef}` : ''}
                  </div>
                )}
                {task.cooperating && <div className="muted small">{`${t.cooperating}: ${task.cooperating}`}</div>}
              </td>
              <td>{task.lead || '—'}</td>
              <td className={late ? 'field-error' : undefined}>{dateText(task.due)}</td>
              <td>{task.product || '—'}</td>
              <td>
                {TASK_STATUS_LABELS[task.status]}
                {task.doneDate && <div className="muted small">{dateText(task.doneDate)}</div>}
                {task.statusReason && <div className="muted small">{task.statusReason}</div>}
                {late && <div className="field-error small">{t.overdue}</div>}
              </td>
              {canEdit && (
                <td>
                  <div className="actions">
                    <button type="button" className="link" onClick={() => onEdit(task)}>
                      {t.edit}
                    </button>
                    <button type="button" className="link" onClick={() => onRemove(task)}>
                      {t.remove}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
