import { formatPointsVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';

/** What the review domain freezes for a giải trình round (review/giai-trinh-subject.ts). */
export interface GiaiTrinhSnapshotContent {
  items: { code: string; title: string; selfPoints: number | null; appraisedPoints: number | null; appraisalNote: string; text: string; evidence: { name: string }[] }[];
}

const t = vi.appraisal;
const points = (p: number | null) => (p === null ? '—' : formatPointsVi(p));

/** An approved giải trình, read-only: per item the scores, the council's note, the answer and its files. */
export function GiaiTrinhSnapshot({ content }: { content: GiaiTrinhSnapshotContent }) {
  return (
    <table className="grid snapshot-table">
      <thead>
        <tr>
          <th>{t.item}</th>
          <th className="num">{t.self}</th>
          <th className="num">{t.round1}</th>
          <th>{t.giaiTrinh}</th>
          <th>{t.extraEvidence}</th>
        </tr>
      </thead>
      <tbody>
        {content.items.map((i) => (
          <tr key={i.code}>
            <td>
              <span className="code">{i.code}</span> {i.title}
              {i.appraisalNote && <div className="muted small">{i.appraisalNote}</div>}
            </td>
            <td className="num">{points(i.selfPoints)}</td>
            <td className="num">{points(i.appraisedPoints)}</td>
            <td>{i.text}</td>
            <td>{i.evidence.map((e) => e.name).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
