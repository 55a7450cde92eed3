import { useCallback, useEffect, useState } from 'react';
import type { PlanTask, PlanView } from '../../../../shared/contract/plan';
import { todayInVietnam } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { PlanImportPanel } from './plan-import-panel';
import { PlanInfoForm } from './plan-info-form';
import { PlanRates } from './plan-rates';
import { RemediationPanel } from './remediation-panel';
import { TaskEditor } from './task-editor';
import { TaskTable } from './task-table';

const t = vi.plan;

/** The year's Kế hoạch CCHC: its facts, the computed completion rates, the tasks, import. */
export function PlanPage({ year }: { year: number }) {
  const api = useApi();
  const canEdit = useAuth().can('plan/save-task');
  const [view, setView] = useState<PlanView | null>(null);
  const [editing, setEditing] = useState<PlanTask | 'new' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  // The info form is rebuilt from the saved plan (its key is the plan's time): the page carries its "saved" line over.
  const [infoSavedAt, setInfoSavedAt] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('plan/get', { year });
    if (r.ok) setView(r.value);
    else setMessage({ kind: 'error', text: r.error.message });
  }, [api, year]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function remove(task: PlanTask) {
    if (!window.confirm(t.removeConfirm(task.code))) return;
    const r = await api.call('plan/delete-task', { year, code: task.code });
    setMessage(r.ok ? null : { kind: 'error', text: r.error.message });
    await reload();
  }

  if (!view) return <MessageLine message={message} />;
  return (
    <section>
      <h1>{t.title(year)}</h1>
      <p className="muted">{t.intro}</p>
      <PlanInfoForm
        key={view.plan.updatedAt ?? 'new'}
        plan={view.plan}
        canEdit={canEdit}
        justSaved={!!infoSavedAt && infoSavedAt === view.plan.updatedAt}
        onSaved={(updatedAt) => {
          setInfoSavedAt(updatedAt);
          void reload();
        }}
      />
      <PlanRates view={view} />
      {canEdit && <PlanImportPanel year={year} onImported={() => void reload()} />}
      {canEdit && <RemediationPanel year={year} existing={new Set(view.tasks.map((task) => task.code))} onCreated={() => void reload()} />}
      <section className="panel" aria-labelledby="plan-tasks-title">
        <div className="row between">
          <h2 id="plan-tasks-title">{t.tasks}</h2>
          {canEdit && editing === null && (
            <button type="button" className="secondary" onClick={() => setEditing('new')}>
              {t.add}
            </button>
          )}
        </div>
        <MessageLine message={message} />
        {editing !== null && (
          <TaskEditor
            key={editing === 'new' ? 'new' : editing.code}
            year={year}
            task={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onDone={(code) => {
              setEditing(null);
              setMessage({ kind: 'success', text: t.taskSaved(code) });
              void reload();
            }}
          />
        )}
        <TaskTable tasks={view.tasks} today={todayInVietnam()} canEdit={canEdit} onEdit={setEditing} onRemove={(task) => void remove(task)} />
      </section>
    </section>
  );
}
