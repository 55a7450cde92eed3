import { PASSWORDS_DIFFER } from '../../../../shared/auth/password-rule';
import { useState, type FormEvent } from 'react';
import { authChannels } from '../../../../shared/contract/auth';
import { useApi } from '../../api/context';
import { checkFields, FormErrorSummary, useFormErrors } from '../../components/form-errors';
import { SuccessLine } from '../../components/message-line';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';

const t = vi.auth;

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const errors = useFormErrors();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    // Every field's problem at once, in the words main would use; then main checks again.
    const input = { currentPassword: current, newPassword: next };
    const problems = checkFields(authChannels['auth/change-password'].input, input);
    if (next !== again) problems.push({ path: 'again', label: t.newPasswordAgain, message: PASSWORDS_DIFFER });
    if (problems.length) return errors.show(problems);
    const r = await api.call('auth/change-password', input);
    if (!r.ok) return errors.fromError(r.error);
    errors.clear();
    setCurrent('');
    setNext('');
    setAgain('');
    setDone(true);
  }

  return (
    <form className="panel" role="dialog" aria-label={t.changePassword} onSubmit={submit} noValidate>
      <h2>{t.changePassword}</h2>
      <FormErrorSummary errors={errors} />
      <div className="form-grid">
        <TextField label={t.currentPassword} type="password" value={current} onChange={setCurrent} error={errors.of('currentPassword')} autoComplete="current-password" autoFocus />
        <span />
        <TextField label={t.newPassword} type="password" value={next} onChange={setNext} hint={t.passwordHint} error={errors.of('newPassword')} autoComplete="new-password" />
        <TextField label={t.newPasswordAgain} type="password" value={again} onChange={setAgain} error={errors.of('again')} autoComplete="new-password" />
      </div>
      {done && <SuccessLine text={t.passwordChanged} />}
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
