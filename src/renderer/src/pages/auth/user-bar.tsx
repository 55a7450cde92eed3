import { ROLE_LABELS } from '../../../../shared/contract/access';
import { useAuth } from '../../auth/auth-context';
import { vi } from '../../i18n/vi';

const t = vi.auth;

/** Who is signed in, with their roles, and the lock / password / sign-out buttons. */
export function UserBar({ onChangePassword }: { onChangePassword(): void }) {
  const { user, lock, signOut } = useAuth();
  return (
    <header className="userbar" aria-label={t.signedInAs}>
      <span data-testid="signed-in-user">
        <strong>{user.displayName}</strong> <span className="muted">({user.username})</span>
      </span>
      <span className="muted small" data-testid="signed-in-roles">
        {user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
      </span>
      <span className="spacer" />
      <button type="button" className="secondary" onClick={lock}>
        {t.lock}
      </button>
      <button type="button" className="secondary" onClick={onChangePassword}>
        {t.changePassword}
      </button>
      <button type="button" className="secondary" onClick={signOut}>
        {t.signOut}
      </button>
    </header>
  );
}
