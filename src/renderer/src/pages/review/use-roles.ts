import { useEffect, useState } from 'react';
import type { Role } from '../../../../shared/contract/define';
import { useApi } from '../../api/context';

/**
 * Which review actions to offer. Main enforces the roles whatever the UI shows; this only hides
 * buttons that would be refused. Without a signed-in person (a transport with no session) the
 * caller is the trusted local system, which may do everything.
 */
export function useRoles(): (role: Role) => boolean {
  const api = useApi();
  const [roles, setRoles] = useState<Role[] | null>(null);
  useEffect(() => {
    void api.call('auth/status', {}).then((r) => setRoles(r.ok && r.value.user ? r.value.user.roles : null));
  }, [api]);
  return (role) => roles === null || roles.includes(role);
}
