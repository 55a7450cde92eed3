import { useState, type FormEvent } from 'react';
import type { AccountInfo } from '../../../../shared/contract/auth';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';

const t = vi.auth;

/** Covers the app (which stays mounted underneath, so nothing typed is lost) until the password. */
export function LockScreen(props: { user: AccountInfo; minutes: number; onUnlocked(): void; onSignOut(): void }) {
  const api = useApi();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.call('auth/unlock', { password });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(r.error.message);
    props.onUnlocked();
  }

  return (
    <main className="centered lock-screen">
      <form className="form auth-box" onSubmit={submit} noValidate aria-label={t.lockedTitle}>
        <h1>{t.lockedTitle}</h1>
        <p>{t.lockedIntro(`${props.user.displayName} (${props.user.username})`, props.minutes)}</p>
        <TextField label={t.password} type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus />
        <ErrorLine text={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t.unlock}
          </button>
          <button type="button" className="secondary" onClick={props.onSignOut}>
            {t.signOut}
          </button>
        </div>
      </form>
    </main>
  );
}
