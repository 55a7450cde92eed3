import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { TextField } from '../../components/text-field';
import { vi } from '../../i18n/vi';

const t = vi.auth;

export function SignInPage({ onSignedIn }: { onSignedIn(): void }) {
  const api = useApi();
  const [unit, setUnit] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('app/info', {}).then((r) => r.ok && r.value.latestProfile && setUnit(r.value.latestProfile.name));
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.call('auth/login', { username, password });
    setBusy(false);
    if (!r.ok) {
      setPassword('');
      return setError(r.error.message);
    }
    onSignedIn();
  }

  return (
    <main className="centered">
      <form className="form auth-box" onSubmit={submit} noValidate aria-label={t.signInTitle}>
        <h1>{t.signInTitle}</h1>
        <p className="muted">
          {vi.appName}
          {unit ? ` — ${unit}` : ''}. {t.signInIntro}
        </p>
        <TextField label={t.username} value={username} onChange={setUsername} autoComplete="username" autoFocus />
        <TextField label={t.password} type="password" value={password} onChange={setPassword} autoComplete="current-password" />
        <ErrorLine text={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t.signIn}
        </button>
      </form>
    </main>
  );
}
