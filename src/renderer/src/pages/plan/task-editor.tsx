import { useId, useState } from 'react';
import { TASK_SOURCE_LABELS, TASK_SOURCES, TASK_STATUS_LABELS, TASK_STATUSES, type PlanTask, type TaskSource, type TaskStatus } from '../../../../shared/contract/plan';
import { formatDateVi, parseDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { FieldErrorText, FormErrorSummary, useFormErrors } from '../../components/form-errors';
import { vi } from '../../i18n/vi';

const t = vi.plan;

interface Draft {
  code: string;
  title: string;
  lead: string;
  cooperating: string;
  due: string;
  product: string;
  source: TaskSource;
  sourceRef: string;
  status: TaskStatus;
  statusReason: string;
  doneDate: string;
}

function draftOf(task: PlanTask | null): Draft {
  return {
    code: task?.code ?? '',
    title: task?.title ?? '',
    lead: task?.lead ?? '',
    cooperating: task?.cooperating ?? '',
    due: task?.due ? formatDateVi(task.due) : '',
    product: task?.product ?? '',
    source: task?.source ?? 'own',
    sourceRef: task?.sourceRef ?? '',
    status: task?.status ?? 'chua-lam',
    statusReason: task?.statusReason ?? '',
    doneDate: task?.doneDate ? formatDateVi(task.doneDate) : '',
  };
}

/** One task, new or existing; main checks the rules (a done task has its date …) and says what is wrong. */
export function TaskEditor({ year, task, onDone, onCancel }: { year: number; task: PlanTask | null; onDone(code: string): void; onCancel(): void }) {
  const api = useApi();
  const [d, setD] = useState(() => draftOf(task));
  const errors = useFormErrors();
  const idPrefix = useId();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const badDate = (text: string) => text.trim() !== '' && parseDateVi(text) === null;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    // Both dates at once, each under its field; main then checks the task's rules the same way.
    const dates = (['due', 'doneDate'] as const).filter((k) => badDate(d[k]));
    if (dates.length) return errors.show(dates.map((k) => ({ path: `task.${k}`, label: k === 'due' ? t.deadline : t.doneDate, message: t.dateInvalid })));
    errors.clear();
    setBusy(true);
    const r = await api.call('plan/save-task', {
      year,
      task: {
        ...d,
        due: d.due.trim() ? parseDateVi(d.due) : null,
        doneDate: d.doneDate.trim() ? parseDateVi(d.doneDate) : null,
        resultFileIds: task?.resultFileIds ?? [],
      },
    });
    setBusy(false);
    if (!r.ok) return errors.fromError(r.error);
    onDone(r.value.code);
  }

  const errorId = (k: keyof Draft) => `${idPrefix}-${k}-error`;
  const invalid = (k: keyof Draft) => (errors.of(k) ? { 'aria-invalid': true, 'aria-describedby': errorId(k) } : {});
  const text = (k: keyof Draft, label: string, extra: { wide?: boolean; placeholder?: string; readOnly?: boolean } = {}) => (
    <div className={extra.wide ? 'field wide' : 'field'}>
      <label htmlFor={`${idPrefix}-${k}`}>{label}</label>
      <input id={`${idPrefix}-${k}`} value={d[k]} placeholder={extra.placeholder} readOnly={extra.readOnly} onChange={(e) => set(k, e.target.value as never)} {...invalid(k)} />
      <FieldErrorText id={errorId(k)} text={errors.of(k)} />
    </div>
  );

  return (
    <form className="form" aria-label={task ? `${t.edit} ${task.code}` : t.add} onSubmit={(e) => void save(e)}>
      <FormErrorSummary errors={errors} />
      <div className="form-grid">
        {text('code', t.code, { readOnly: !!task })}
        {text('due', t.deadline, { placeholder: 'dd/mm/yyyy' })}
        {text('title', t.content, { wide: true })}
        {text('lead', t.lead)}
        {text('cooperating', t.cooperating)}
        {text('product', t.product, { wide: true })}
        <label className="field">
          <span>{t.source}</span>
          <select value={d.source} onChange={(e) => set('source', e.target.value as TaskSource)}>
            {TASK_SOURCES.map((s) => (
              <option key={s} value={s}>
                {TASK_SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {text('sourceRef', t.sourceRef)}
        <div className="field">
          <label htmlFor={`${idPrefix}-status`}>{t.status}</label>
          <select id={`${idPrefix}-status`} value={d.status} onChange={(e) => set('status', e.target.value as TaskStatus)} {...invalid('status')}>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {TASK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldErrorText id={errorId('status')} text={errors.of('status')} />
        </div>
        {(d.status === 'xong' || d.status === 'xong-qua-han') && text('doneDate', t.doneDate, { placeholder: 'dd/mm/yyyy' })}
        {d.status === 'khong-thuc-hien' && text('statusReason', t.statusReason, { wide: true })}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t.saveTask}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
