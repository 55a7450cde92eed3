import { useEffect, useState } from 'react';
import { numberInputTextVi, parseNumberVi } from '../../../shared/text/vi';

/**
 * The text of a number box kept in step with its value: what is typed stays as typed while it
 * still reads as the value ("85,50" is not rewritten to "85,5"); a value replaced from outside
 * (carried over, pre-filled, cleared) shows at once.
 */
export function useNumberText(value: number | null): [string, (text: string) => void] {
  const [text, setText] = useState(() => numberInputTextVi(value));
  useEffect(() => {
    setText((current) => (parseNumberVi(current) === value ? current : numberInputTextVi(value)));
  }, [value]);
  return [text, setText];
}
