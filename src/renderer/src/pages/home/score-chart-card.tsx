import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { AssessmentView } from '../../../../shared/contract/assessment';
import { formatPercentVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';

// Only the pieces this chart uses: Chart.js is tree-shaken to them. It draws on a canvas and sets
// sizes through the CSSOM, so the strict CSP (style-src 'self', no inline <style>) holds.
ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

const t = vi.dashboard;
const COLOURS = ['#9db4d8', '#6f8fbf', '#3f6aa8', '#1f4f8f', '#b3261e'];

function domainPercent(view: AssessmentView, code: string): number | null {
  const d = view.score.domains.find((x) => x.code === code);
  return d && d.max > 0 ? Math.round((d.points / d.max) * 10_000) / 100 : null;
}

/**
 * The year's score against earlier years, per domain (percent of each domain's maximum, so sets
 * of different sizes compare) and in total. Domains are matched by code, as the compare view does.
 */
export function ScoreChartCard({ view, history }: { view: AssessmentView; history: AssessmentView[] }) {
  const years = [...history, view];
  const labels = [...view.score.domains.map((d) => `${d.code}. ${d.title.length > 28 ? `${d.title.slice(0, 28)}…` : d.title}`), t.totalLabel];
  const datasets = years.map((y, i) => ({
    label: t.yearLabel(y.year),
    data: [...view.score.domains.map((d) => domainPercent(y, d.code)), y.score.percent],
    backgroundColor: y.year === view.year ? COLOURS[COLOURS.length - 1] : COLOURS[i % (COLOURS.length - 1)],
    maxBarThickness: 56,
  }));
  const summary =
    history.length > 0
      ? t.chartSummary(view.year, formatPercentVi(view.score.percent), history[history.length - 1]!.year, formatPercentVi(history[history.length - 1]!.score.percent))
      : t.chartFirstYear(view.year, formatPercentVi(view.score.percent));
  return (
    <section className="panel dash-card dash-wide" aria-labelledby="score-chart-title">
      <h2 id="score-chart-title">{t.chartTitle}</h2>
      <p className="small" data-testid="chart-summary">{summary}</p>
      <div className="chart-box">
        <Bar
          role="img"
          aria-label={summary}
          data-testid="score-chart"
          data={{ labels, datasets }}
          options={{
            locale: 'vi-VN',
            maintainAspectRatio: false,
            animation: false,
            scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
            plugins: {
              legend: { position: 'bottom' },
              tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y === null ? '—' : formatPercentVi(c.parsed.y)}` } },
            },
          }}
        />
      </div>
    </section>
  );
}
