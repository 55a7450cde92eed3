import { useEffect, useState } from 'react';
import type { AppraisalItemView, AppraisalView } from '../../../../shared/contract/appraisal';
import { signedPointsText } from '../../../../shared/criteria/scale-parts';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { EvidencePanel } from '../evidence/evidence-panel';

const t = vi.appraisal;

function roundCell(item: AppraisalItemView, round: AppraisalItemView['round1']) {
  if (!round) return '';
  if (item.notApplicable && round.points === null && item.assessedBy === 'self') return vi.scoreLabels.notApplicableTag;
  const points = signedPointsText(round.effective, item.kind);
  return round.points === null && item.assessedBy === 'self' ? `${points} ${t.recognised}` : points;
}

/** Self vs appraised per item; where asked (or cut), the giải trình and its tài liệu bổ sung. */
export function AppraisalItems({ view, editable, onChanged }: { view: AppraisalView; editable: boolean; onChanged(): void }) {
  const [only, setOnly] = useState(true);
  const [open, setOpen] = useState<string | null>(null);
  const items = view.items.filter((i) => !only || view.toExplain.includes(i.code));
  return (
    <section aria-label={t.itemsTitle}>
      <h2>{t.itemsTitle}</h2>
      <label className="row">
        <input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} /> {t.onlyToExplain} ({view.toExplain.length})
      </label>
      <table className="grid" data-testid="appraisal-items">
        <thead>
          <tr>
            <th>{t.code}</th>
            <th>{t.item}</th>
            <th className="num">{t.self}</th>
            <th className="num">{t.round1}</th>
            <th className="num">{t.round2}</th>
            <th className="num">{t.lost}</th>
            <th>{t.councilNote}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ItemRows key={item.code} year={view.year} item={item} toExplain={view.toExplain.includes(item.code)} editable={editable} open={open === item.code} onToggle={() => setOpen(open === item.code ? null : item.code)} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ItemRows(props: { year: number; item: AppraisalItemView; toExplain: boolean; editable: boolean; open: boolean; onToggle(): void; onChanged(): void }) {
  const { item } = props;
  const api = useApi();
  const [text, setText] = useState(item.giaiTrinh.text);
  const [state, setState] = useState<string | null>(null);
  useEffect(() => setText(item.giaiTrinh.text), [item.giaiTrinh.text]);
  async function save() {
    if (text === item.giaiTrinh.text) return;
    const r = await api.call('appraisal/save-giai-trinh', { year: props.year, code: item.code, text });
    setState(r.ok ? t.saved : r.error.message);
    if (r.ok) props.onChanged();
  }
  const self = item.selfPoints === null ? '—' : item.notApplicable ? vi.scoreLabels.notApplicableTag : signedPointsText(item.selfPoints, item.kind);
  return (
    <>
      <tr data-testid={`appraisal-row-${item.code}`}>
        <td>{item.code}</td>
        <td>
          {props.toExplain ? (
            <button type="button" className="link" aria-expanded={props.open} onClick={props.onToggle}>
              {item.title}
            </button>
          ) : (
            item.title
          )}
          <span className="muted small"> (tối đa {formatPointsVi(item.maxPoints)})</span>
          {item.round1?.explanationRequested && <span className="tag warn">{t.requested}</span>}
        </td>
        <td className="num">{self}</td>
        <td className="num">{roundCell(item, item.round1)}</td>
        <td className="num">{roundCell(item, item.round2)}</td>
        <td className="num">{item.lost > 0 ? `−${formatPointsVi(item.lost)}` : ''}</td>
        <td>{[item.round1?.note, item.round2?.note].filter(Boolean).join(' / ')}</td>
      </tr>
      {props.open && (
        <tr>
          <td colSpan={7}>
            <label className="field">
              <span>{t.giaiTrinh}</span>
              <textarea rows={4} value={text} placeholder={t.giaiTrinhPlaceholder} readOnly={!props.editable} onChange={(e) => setText(e.target.value)} onBlur={() => void save()} data-testid={`giai-trinh-${item.code}`} />
            </label>
            {state && <p className="muted small" role="status">{state}</p>}
            <h3>{t.extraEvidence}</h3>
            <EvidencePanel year={props.year} code={item.code} itemKey={item.giaiTrinh.evidenceKey} onCountChange={(n) => n !== item.giaiTrinh.evidenceCount && props.onChanged()} />
          </td>
        </tr>
      )}
    </>
  );
}
