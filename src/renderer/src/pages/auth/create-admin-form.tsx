import { useState, type FormEvent } from 'react';
import { newPasswordProblem } from '../../../../shared/auth/password-rule';
import type { Role } from '../../../../shared/contract/define';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { RoleCheckboxes } from '../../components/role-checkboxes';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Said here before the call for a quick answer; main checks the same rule again.
    const problem = newPasswordProblem(password, again) ?? (roles.length === 0 ? t.noRole : null);
    if (problem) return setError(problem);
    setBusy(true);
    const r = await api.call('auth/create-first-admin', { displayName, username, password, roles });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onCreated();
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={vi.firstStart.accountStep}>
      <div className="form-grid">
        <TextField label={t.displayName} value={displayName} onChange={setDisplayName} autoFocus />
        <TextField label={t.username} value={username} onChange={setUsername} hint={t.usernameHint} autoComplete="username" />
        <TextField label={t.password} type="password" value={password} onChange={setPassword} hint={t.passwordHint} autoComplete="new-password" />
        <TextField label={t.passwordAgain} type="password" value={again} onChange={setAgain} autoComplete="new-password" />
      </div>
      <RoleCheckboxes value={roles} choices={WORK_ROLES} onChange={setRoles} />
      <ErrorLine text={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t.createAdmin}
      </button>
    </form>
  );
}
