import { useId } from 'react';
import type { Role } from '../../../shared/contract/define';
import { vi } from '../i18n/vi';
import { FieldErrorText } from './form-errors';

/** The role choices as checkboxes; `choices` says which roles this form offers. */
export function RoleCheckboxes(props: { value: Role[]; choices: readonly Role[]; onChange(roles: Role[]): void; legend?: string; idPrefix?: string; error?: string }) {
  const id = useId();
  const toggle = (role: Role, on: boolean) => props.onChange(on ? [...props.value, role] : props.value.filter((r) => r !== role));
  return (
    <fieldset className="roles" aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend ?? vi.auth.rolesLegend}</legend>
      {props.choices.map((role) => (
        <label key={role} className="inline">
          <input type="checkbox" checked={props.value.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
          {vi.auth.roleChoices[role]}
        </label>
      ))}
      <FieldErrorText id={`${id}-error`} text={props.error} />
    </fieldset>
  );
}
