import { useState } from 'react';
import type { Answer, CriteriaItem, Rule } from '../../../../shared/criteria/format';
import { formatDateVi, formatNumberVi, parseDateVi, parseNumberVi } from '../../../../shared/text/vi';
import { useNumberText } from '../../components/use-number-text';
import { useDateText } from '../../components/use-date-text';
import { vi } from '../../i18n/vi';

interface Props {
  item: CriteriaItem;
  answer: Answer | null;
  onChange(answer: Answer | null): void;
}

const t = vi.assessment.input;

/** The input control that fits the item's rule; N/A is offered only where the set allows it. */
export function AnswerInput({ item, answer, onChange }: Props) {
  const rule = item.scoring;
  if (!rule) return null;
  const naAllowed = item.notApplicable?.allowed ?? false;
  const isNa = answer?.kind === 'not-applicable';
  return (
    <div className="answer-input">
      {!isNa && <RuleInput rule={rule} item={item} answer={answer} onChange={onChange} />}
      {naAllowed && (
        <div className="na-box">
          <label className="inline">
            <input
              type="checkbox"
              checked={isNa}
              onChange={(e) => onChange(e.target.checked ? { kind: 'not-applicable', reason: t.naDefaultReason } : null)}
            />
            {t.notApplicable}
          </label>
          {isNa && (
            <label className="field">
              <span>{t.naReason}</span>
              <input
                type="text"
                value={answer.reason}
                onChange={(e) => onChange({ kind: 'not-applicable', reason: e.target.value || ' ' })}
              />
            </label>
          )}
        </div>
      )}
    </div>
  );
}

function RuleInput({ rule, item, answer, onChange }: { rule: Rule } & Props) {
  switch (rule.type) {
    case 'yes-no':
      return (
        <fieldset className="choices">
          <legend>{t.yesNoLegend}</legend>
          <Radio name={item.code} label={t.yes} checked={answer?.kind === 'yes-no' && answer.value} onSelect={() => onChange({ kind: 'yes-no', value: true })} />
          <Radio name={item.code} label={t.no} checked={answer?.kind === 'yes-no' && !answer.value} onSelect={() => onChange({ kind: 'yes-no', value: false })} />
        </fieldset>
      );
    case 'choice':
      return (
        <fieldset className="choices">
          <legend>{t.choiceLegend}</legend>
          {rule.options.map((option) => (
            <Radio
              key={option.id}
              name={item.code}
              label={`${option.label} (${formatNumberVi(option.points)} điểm)`}
              checked={answer?.kind === 'choice' && answer.optionId === option.id}
              onSelect={() => onChange({ kind: 'choice', optionId: option.id })}
            />
          ))}
        </fieldset>
      );
    case 'percent':
      if (rule.input === 'ratio') {
        const ratio = answer?.kind === 'ratio' ? answer : null;
        return (
          <div className="row">
            <NumberField
              label={rule.numeratorLabel ?? t.numerator}
              value={ratio?.numerator ?? null}
              onChange={(n) => onChange(n === null && !ratio ? null : { kind: 'ratio', numerator: n ?? 0, denominator: ratio?.denominator ?? 0 })}
            />
            <NumberField
              label={rule.denominatorLabel ?? t.denominator}
              value={ratio?.denominator ?? null}
              onChange={(n) => onChange(n === null && !ratio ? null : { kind: 'ratio', numerator: ratio?.numerator ?? 0, denominator: n ?? 0 })}
            />
          </div>
        );
      }
      return (
        <NumberField
          label={t.percent}
          value={answer?.kind === 'percent' ? answer.percent : null}
          onChange={(n) => onChange(n === null ? null : { kind: 'percent', percent: n })}
        />
      );
    case 'count':
      return (
        <NumberField
          label={rule.unitLabel ? `${t.count} (${rule.unitLabel})` : t.count}
          value={answer?.kind === 'count' ? answer.count : null}
          onChange={(n) => onChange(n === null ? null : { kind: 'count', count: n })}
        />
      );
    case 'deadline':
      return <DateField deadline={rule.deadline} answer={answer} onChange={onChange} />;
    case 'manual':
      return (
        <NumberField
          label={`${t.manual} (0 – ${formatNumberVi(item.maxPoints)})`}
          value={answer?.kind === 'manual' ? answer.points : null}
          onChange={(n) => onChange(n === null ? null : { kind: 'manual', points: n })}
        />
      );
  }
}

function Radio(props: { name: string; label: string; checked: boolean; onSelect(): void }) {
  return (
    <label className="inline">
      <input type="radio" name={props.name} checked={props.checked} onChange={props.onSelect} />
      {props.label}
    </label>
  );
}

/** Accepts "85,5" as well as "85.5"; shows an error instead of saving text that is not a number. */
function NumberField(props: { label: string; value: number | null; onChange(value: number | null): void }) {
  const [text, setText] = useNumberText(props.value);
  const [invalid, setInvalid] = useState(false);
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseNumberVi(e.target.value);
          const bad = e.target.value.trim() !== '' && parsed === null;
          setInvalid(bad);
          if (!bad) props.onChange(parsed);
        }}
      />
      {invalid && <small className="field-error">{t.notANumber}</small>}
    </label>
  );
}

function DateField({ deadline, answer, onChange }: { deadline: string; answer: Answer | null; onChange(a: Answer | null): void }) {
  // The answer may change from outside (the plan's date taken with «Dùng kết quả từ kế hoạch»): the box follows it.
  const [text, setText] = useDateText(answer?.kind === 'date' ? answer.date : null);
  const [invalid, setInvalid] = useState(false);
  return (
    <div className="row">
      <label className="field">
        <span>
          {t.date} ({t.deadline}: {formatDateVi(deadline)})
        </span>
        <input
          type="text"
          placeholder="dd/mm/yyyy"
          value={text}
          aria-invalid={invalid}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value.trim()) {
              setInvalid(false);
              return onChange(null);
            }
            const iso = parseDateVi(e.target.value);
            setInvalid(!iso);
            if (iso) onChange({ kind: 'date', date: iso });
          }}
        />
        {invalid && <small className="field-error">{t.notADate}</small>}
      </label>
      <label className="inline">
        <input type="checkbox" checked={answer?.kind === 'date' && answer.date === null} onChange={(e) => onChange(e.target.checked ? { kind: 'date', date: null } : null)} />
        {t.missingDocument}
      </label>
    </div>
  );
}
