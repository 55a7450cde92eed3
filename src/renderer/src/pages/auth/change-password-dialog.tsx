import { useState, type FormEvent } from 'react';
import { newPasswordProblem } from '../../../../shared/auth/password-rule';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';

const t = vi.auth;

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = newPasswordProblem(next, again);
    if (problem) return setMessage({ kind: 'error', text: problem });
    const r = await api.call('auth/change-password', { currentPassword: current, newPassword: next });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setCurrent('');
    setNext('');
    setAgain('');
    setMessage({ kind: 'success', text: t.passwordChanged });
  }

  return (
    <form className="panel" role="dialog" aria-label={t.changePassword} onSubmit={submit} noValidate>
      <h2>{t.changePassword}</h2>
      <div className="form-grid">
        <TextField label={t.currentPassword} type="password" value={current} onChange={setCurrent} autoComplete="current-password" autoFocus />
        <span />
        <TextField label={t.newPassword} type="password" value={next} onChange={setNext} hint={t.passwordHint} autoComplete="new-password" />
        <TextField label={t.newPasswordAgain} type="password" value={again} onChange={setAgain} autoComplete="new-password" />
      </div>
      <MessageLine message={message} />
      <div className="row">
        <button type="submit" className="primary">
          {t.save}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
