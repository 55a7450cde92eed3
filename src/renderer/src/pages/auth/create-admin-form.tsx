import { useState, type FormEvent } from 'react';
import { authChannels } from '../../../../shared/contract/auth';
import type { Role } from '../../../../shared/contract/define';
import { useApi } from '../../api/context';
import { FormErrorSummary, useFormErrors } from '../../components/form-errors';
import { RoleCheckboxes } from '../../components/role-checkboxes';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';
import { accountFieldErrors } from './account-field-errors';

const t = vi.auth;
const WORK_ROLES: readonly Role[] = ['officer', 'leader', 'submitter'];

/** First start, step 1: the administrator account (admin is implied; work roles ticked by default). */
export function CreateAdminForm({ onCreated }: { onCreated(): void }) {
  const api = useApi();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [roles, setRoles] = useState<Role[]>([...WORK_ROLES]);
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Every field's problem at once, before the call; main checks the same schema again.
    const input = { displayName, username, password, roles };
    const problems = accountFieldErrors(authChannels['auth/create-first-admin'].input, input, again);
    if (problems.length > 0) return errors.show(problems);
    errors.clear();
    setBusy(true);
    const r = await api.call('auth/create-first-admin', input);
    setBusy(false);
    if (!r.ok) return errors.fromError(r.error);
    onCreated();
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={vi.firstStart.accountStep}>
      <FormErrorSummary errors={errors} />
      <div className="form-grid">
        <TextField label={t.displayName} value={displayName} onChange={setDisplayName} error={errors.of('displayName')} autoFocus />
        <TextField label={t.username} value={username} onChange={setUsername} hint={t.usernameHint} error={errors.of('username')} autoComplete="username" />
        <TextField label={t.password} type="password" value={password} onChange={setPassword} hint={t.passwordHint} error={errors.of('password')} autoComplete="new-password" />
        <TextField label={t.passwordAgain} type="password" value={again} onChange={setAgain} error={errors.of('again')} autoComplete="new-password" />
      </div>
      <RoleCheckboxes value={roles} choices={WORK_ROLES} onChange={setRoles} error={errors.of('roles')} />
      <button type="submit" className="primary" disabled={busy}>
        {t.createAdmin}
      </button>
    </form>
  );
}
