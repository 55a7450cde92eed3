import { useEffect, useState } from 'react';
import { formatDateVi, parseDateVi } from '../../../shared/text/vi';

/**
 * The text of a dd/mm/yyyy box kept in step with its ISO value, like useNumberText: what is typed
 * stays as typed while it still reads as the value ("1/3/2026" is not rewritten to "01/03/2026"),
 * and a value set from outside (taken from the plan, carried over, cleared) shows at once.
 */
export function useDateText(iso: string | null): [string, (text: string) => void] {
  const [text, setText] = useState(() => (iso ? formatDateVi(iso) : ''));
  useEffect(() => {
    setText((current) => {
      const typed = current.trim() ? parseDateVi(current) : null;
      return typed === iso ? current : iso ? formatDateVi(iso) : '';
    });
  }, [iso]);
  return [text, setText];
}
