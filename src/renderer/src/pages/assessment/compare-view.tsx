import { useEffect, useState } from 'react';
import type { YearComparison } from '../../../../shared/contract/assessment';
import { formatPercentVi, formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

/** Points per domain against the previous year, so the officer sees where the unit lost ground. */
export function CompareView({ year, previousYear, refresh = 0 }: { year: number; previousYear: number; /** Changes when this year's score does. */ refresh?: number }) {
  const api = useApi();
  const [data, setData] = useState<YearComparison | null>(null);
  useEffect(() => {
    let current = true;
    void api.call('assessment/compare', { year, previousYear }).then((r) => current && r.ok && setData(r.value));
    return () => {
      current = false;
    };
  }, [api, year, previousYear, refresh]);
  if (!data) return null;
  const s = vi.assessment.summary;
  const cell = (v: { points: number; percent: number } | null) => (v ? `${formatPointsVi(v.points)} (${formatPercentVi(v.percent)})` : '—');
  return (
    <section className="panel">
      <h2>{vi.assessment.compareTitle(year, previousYear)}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{s.domain}</th>
            <th className="num">{previousYear}</th>
            <th className="num">{year}</th>
            <th className="num">±</th>
          </tr>
        </thead>
        <tbody>
          {data.domains.map((d) => {
            const delta = (d.current?.points ?? 0) - (d.previous?.points ?? 0);
            return (
              <tr key={d.code}>
                <td>
                  {d.code}. {d.title}
                </td>
                <td className="num">{cell(d.previous)}</td>
                <td className="num">{cell(d.current)}</td>
                <td className={delta < 0 ? 'num warn-text' : 'num'}>{delta > 0 ? `+${formatPointsVi(delta)}` : formatPointsVi(delta)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th>{vi.scoreLabels.selfTotal}</th>
            <th className="num">
              {formatPointsVi(data.total.previous)} ({vi.scoreLabels.provisionalBand}: {data.bands.previous})
            </th>
            <th className="num">
              {formatPointsVi(data.total.current)} ({vi.scoreLabels.provisionalBand}: {data.bands.current})
            </th>
            <th className="num">{formatPointsVi(data.total.current - data.total.previous)}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
