import type { PlanView } from '../../../../shared/contract/plan';
import { formatDateVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';
import { doneText, rateText } from './plan-format';

const t = vi.plan;

/** Completion per reporting period and for the year: computed in main from the tasks. */
export function PlanRates({ view }: { view: PlanView }) {
  return (
    <section className="panel" aria-labelledby="plan-rates-title">
      <h2 id="plan-rates-title">{t.rates}</h2>
      <p className="muted small">{t.ratesIntro}</p>
      <table className="grid" data-testid="plan-rates">
        <thead>
          <tr>
            <th>{t.period}</th>
            <th>{t.window}</th>
            <th className="num">{t.due}</th>
            <th className="num">{t.done}</th>
            <th className="num">{t.onTime}</th>
            <th className="num">{t.overdue}</th>
          </tr>
        </thead>
        <tbody>
          {view.periods.map((p) => (
            <tr key={p.period}>
              <td>{p.name}</td>
              <td>
                {formatDateVi(p.cutoffFrom)} – {formatDateVi(p.cutoffTo)}
              </td>
              <td className="num">{p.due}</td>
              <td className="num">{doneText(p)}</td>
              <td className="num">{p.due ? `${p.doneOnTime} (${rateText(p.onTimeRate)})` : '—'}</td>
              <td className="num">{p.overdue}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t.wholeYear}</th>
            <th />
            <th className="num">{view.year.due}</th>
            <th className="num">{doneText(view.year)}</th>
            <th className="num">{view.year.due ? `${view.year.doneOnTime} (${rateText(view.year.onTimeRate)})` : '—'}</th>
            <th className="num">{view.year.overdue}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
