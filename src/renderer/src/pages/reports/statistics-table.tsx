import { useEffect, useRef, useState } from 'react';
import { formatNumberVi, parseNumberVi } from '../../../../shared/text/vi';
import { useNumberText } from '../../components/use-number-text';
import { vi } from '../../i18n/vi';

/** One row of the biểu số liệu as the table shows it; the page maps the contract's shape onto it. */
export interface StatisticsRowView {
  code: string;
  /** Row number as printed in the appendix: "(1)", "(2)" — the formulas refer to rows by it. */
  number: string;
  name: string;
  unitLabel: string;
  group: string | null;
  value: number | null;
  /** Sums and percentages are computed by main and shown read-only. */
  computed: boolean;
  /** "= (3) ÷ (1) × 100%" for computed rows. */
  formulaText: string;
  /** Typed but not kept yet, because main refused it (the message says why). */
  unsaved: boolean;
  /** Problems with this row (e.g. a numerator above its denominator). */
  messages: string[];
}

interface Props {
  rows: StatisticsRowView[];
  onChange(code: string, value: number | null): void;
}

const t = vi.reports.statistics;

/** The statistical appendix: one value per indicator, computed rows read-only, problems per row. */
export function StatisticsTable({ rows, onChange }: Props) {
  let lastGroup: string | null = null;
  return (
    <table className="grid statistics-table">
      <thead>
        <tr>
          <th className="num">{t.number}</th>
          <th>{t.indicator}</th>
          <th>{t.unit}</th>
          <th className="num">{t.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((row) => {
          const cells = [];
          if (row.group && row.group !== lastGroup) {
            cells.push(
              <tr key={`group-${row.code}`} className="group-row">
                <th colSpan={4} scope="colgroup">
                  {row.group}
                </th>
              </tr>,
            );
          }
          lastGroup = row.group;
          cells.push(<StatisticsRow key={row.code} row={row} onChange={onChange} />);
          return cells;
        })}
      </tbody>
    </table>
  );
}

function StatisticsRow({ row, onChange }: { row: StatisticsRowView; onChange: Props['onChange'] }) {
  const messageId = `stat-msg-${row.code}`;
  const invalid = row.messages.length > 0;
  return (
    <tr className={row.computed ? 'computed-row' : undefined} data-code={row.code} aria-invalid={invalid || undefined}>
      <td className="num">{row.number}</td>
      <th scope="row">
        {row.name}
        {row.computed && <span className="formula muted small">{row.formulaText || t.computedTag}</span>}
        {row.unsaved && <span className="tag warn">{t.unsaved}</span>}
        {invalid && (
          <ul className="row-messages" id={messageId} role="alert">
            {row.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </th>
      <td>{row.unitLabel}</td>
      <td className="num">
        {row.computed ? (
          <output aria-label={row.name} data-testid={`computed-${row.code}`}>
            {row.value === null ? '—' : formatNumberVi(row.value)}
          </output>
        ) : (
          <ValueInput label={row.name} value={row.value} describedBy={invalid ? messageId : undefined} onCommit={(v) => onChange(row.code, v)} />
        )}
      </td>
    </tr>
  );
}

/**
 * A number typed the Vietnamese way ("1.234", "85,5"). Sent to main once typing pauses or the field
 * is left; text that is not a number stays in the box with a message and is not sent.
 */
function ValueInput(props: { label: string; value: number | null; describedBy?: string; onCommit(value: number | null): void }) {
  const [text, setText] = useNumberText(props.value);
  const [notNumber, setNotNumber] = useState(false);
  const committed = useRef(props.value);

  // A value replaced from outside (carried from the previous period, pre-filled) is the one kept.
  useEffect(() => {
    committed.current = props.value;
  }, [props.value]);

  const commit = (raw: string) => {
    const parsed = parseNumberVi(raw);
    const bad = raw.trim() !== '' && parsed === null;
    setNotNumber(bad);
    if (bad || parsed === committed.current) return;
    committed.current = parsed;
    props.onCommit(parsed);
  };

  useEffect(() => {
    const timer = setTimeout(() => commit(text), 500);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        className="stat-input"
        aria-label={props.label}
        aria-invalid={notNumber || !!props.describedBy}
        aria-describedby={props.describedBy}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit(text)}
      />
      {notNumber && <small className="field-error">{t.notANumber}</small>}
    </>
  );
}
