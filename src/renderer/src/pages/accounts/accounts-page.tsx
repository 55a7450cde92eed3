import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { passwordProblem } from '../../../../shared/auth/password-rule';
import { authChannels, type AccountInfo } from '../../../../shared/contract/auth';
import { ROLES, type Role } from '../../../../shared/contract/define';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { FormErrorSummary, useFormErrors } from '../../components/form-errors';
import { MessageLine, type Message } from '../../components/message-line';
import { RoleCheckboxes } from '../../components/role-checkboxes';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';
import { accountFieldErrors } from '../auth/account-field-errors';

const t = vi.accounts;

/** Administrator only (the nav hides it; main refuses accounts/* to anyone else anyway). */
export function AccountsPage() {
  const api = useApi();
  const { user, refresh } = useAuth();
  const [accounts, setAccounts] = useState<AccountInfo[]>([]);
  const [message, setMessage] = useState<Message | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('accounts/list', {});
    if (r.ok) setAccounts(r.value);
    else setMessage({ kind: 'error', text: r.error.message });
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const report = (text: string, id?: number) => (r: { ok: true } | { ok: false; error: { message: string } }) => {
    setMessage(r.ok ? { kind: 'success', text } : { kind: 'error', text: r.error.message });
    if (r.ok) void load();
    // One's own roles changed: the user bar and the pages offered follow at once.
    if (r.ok && id === user.id) void refresh();
  };

  return (
    <section>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <MessageLine message={message} />
      <h2>{t.list}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{vi.auth.username}</th>
            <th>{vi.auth.displayName}</th>
            <th>{vi.auth.rolesLegend}</th>
            <th>{t.status}</th>
            <th>{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <AccountRow
              key={`${a.id}-${a.roles.join()}-${a.disabled}`}
              account={a}
              onRoles={(roles) => void api.call('accounts/update', { id: a.id, roles }).then(report(t.rolesSaved(a.username), a.id))}
              onDisabled={(disabled) =>
                void api.call('accounts/update', { id: a.id, disabled }).then(report(disabled ? t.disabledDone(a.username) : t.enabledDone(a.username), a.id))
              }
              onResetPassword={(newPassword) => {
                const problem = passwordProblem(newPassword);
                if (problem) return setMessage({ kind: 'error', text: problem });
                void api.call('accounts/reset-password', { id: a.id, newPassword }).then(report(t.passwordReset(a.username)));
              }}
            />
          ))}
        </tbody>
      </table>
      <CreateAccountForm onCreated={(username) => report(t.created(username))({ ok: true })} />
      <LockMinutesForm />
    </section>
  );
}

function AccountRow(props: { account: AccountInfo; onRoles(roles: Role[]): void; onDisabled(disabled: boolean): void; onResetPassword(password: string): void }) {
  const a = props.account;
  const [roles, setRoles] = useState<Role[]>(a.roles);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  return (
    <tr data-username={a.username}>
      <td className="mono">{a.username}</td>
      <td>{a.displayName}</td>
      <td>
        <RoleCheckboxes value={roles} choices={ROLES} onChange={setRoles} legend={`${vi.auth.rolesLegend} — ${a.username}`} />
        <button type="button" className="secondary" onClick={() => props.onRoles(roles)} disabled={roles.length === 0}>
          {t.saveRoles}
        </button>
      </td>
      <td>{a.disabled ? t.disabled : t.active}</td>
      <td>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => props.onDisabled(!a.disabled)}>
            {a.disabled ? t.enable : t.disable}
          </button>
          {resetting ? (
            <>
              <TextField label={t.resetFor(a.username)} type="password" value={password} onChange={setPassword} autoComplete="new-password" />
              <button type="button" className="primary" onClick={() => props.onResetPassword(password)}>
                {vi.auth.save}
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setResetting(true)}>
              {t.resetPassword}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

function CreateAccountForm({ onCreated }: { onCreated(username: string): void }) {
  const api = useApi();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const errors = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Every field's problem at once, before the call; main checks the same schema again.
    const input = { displayName, username, password, roles };
    const problems = accountFieldErrors(authChannels['accounts/create'].input, input, again);
    if (problems.length > 0) return errors.show(problems);
    const r = await api.call('accounts/create', input);
    if (!r.ok) return errors.fromError(r.error);
    errors.clear();
    setDisplayName('');
    setUsername('');
    setPassword('');
    setAgain('');
    setRoles([]);
    onCreated(r.value.username);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t.create}>
      <h2>{t.create}</h2>
      <FormErrorSummary errors={errors} />
      <div className="form-grid">
        <TextField label={vi.auth.displayName} value={displayName} onChange={setDisplayName} error={errors.of('displayName')} />
        <TextField label={vi.auth.username} value={username} onChange={setUsername} hint={vi.auth.usernameHint} error={errors.of('username')} />
        <TextField label={vi.auth.password} type="password" value={password} onChange={setPassword} hint={vi.auth.passwordHint} error={errors.of('password')} autoComplete="new-password" />
        <TextField label={vi.auth.passwordAgain} type="password" value={again} onChange={setAgain} error={errors.of('again')} autoComplete="new-password" />
      </div>
      <RoleCheckboxes value={roles} choices={ROLES} onChange={setRoles} error={errors.of('roles')} />
      <button type="submit" className="primary">
        {t.createButton}
      </button>
    </form>
  );
}

function LockMinutesForm() {
  const api = useApi();
  const { lockAfterMinutes, refresh } = useAuth();
  const [minutes, setMinutes] = useState(String(lockAfterMinutes));
  const [message, setMessage] = useState<Message | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const r = await api.call('accounts/set-lock-minutes', { minutes: Number(minutes) });
    // The window's own idle timer follows the new minutes; say "saved" once it does.
    if (r.ok) await refresh();
    setMessage(r.ok ? { kind: 'success', text: t.lockSaved(r.value) } : { kind: 'error', text: r.error.message });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t.lockTitle}>
      <h2>{t.lockTitle}</h2>
      <div className="row">
        <TextField label={t.lockMinutes} type="number" value={minutes} onChange={setMinutes} />
        <button type="submit" className="primary">
          {vi.auth.save}
        </button>
      </div>
      <MessageLine message={message} />
    </form>
  );
}

