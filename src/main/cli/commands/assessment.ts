import type { AssessmentView } from '../../../shared/contract/assessment';
import { formatPointsVi } from '../../../shared/text/vi';
import { percentText } from '../numbers';

import { exclusionsText, scaleParts, selfScopeText, signedPointsText } from '../../../shared/criteria/scale-parts';
import type { OfficialScore } from '../../../shared/contract/appraisal';
import { call, type CliCommand } from '../command';
import { officialScoreLines } from './appraisal';

export const assessmentCommands: CliCommand[] = [
  {
    name: 'assessment score',
    summary: 'In điểm tự chấm theo lĩnh vực, tổng điểm và xếp loại của một năm',
    usage: 'cchc assessment score <năm> [--json]',
    async run(args, { core, io }) {
      const year = Number(args[0]);
      if (!Number.isInteger(year)) {
        io.err('Cần ghi năm đánh giá, ví dụ: cchc assessment score 2026');
        return 2;
      }
      const view = await call<AssessmentView | null>(core, io, 'assessment/get', { year });
      if (view === undefined) return 1;
      if (view === null) {
        io.err(`Chưa có bản tự đánh giá năm ${year}.`);
        return 1;
      }
      const { score } = view;
      const official = await call<OfficialScore>(core, io, 'appraisal/score', { year });
      if (!official) return 1;
      if (args.includes('--json')) {
        // Each total says what it is: self (provisional), appraised, survey, the official index.
        io.out(JSON.stringify({ year, set: { id: view.setId, version: view.setVersion }, ...official, domains: score.domains }, null, 2));
        return 0;
      }
      io.out(`Tự đánh giá năm ${year} — ${view.setName} (phiên bản ${view.setVersion})`);
      const width = Math.max(...score.domains.map((d) => `${d.code}. ${d.title}`.length), 10);
      for (const d of score.domains) {
        io.out(`${`${d.code}. ${d.title}`.padEnd(width)}  ${signedPointsText(d.points, d.kind).padStart(7)} / ${formatPointsVi(d.max).padStart(6)}   (${d.answeredLeaves}/${d.totalLeaves} tiêu chí)`);
      }
      const parts = scaleParts(view.set, score);
      io.out(`${'Tổng điểm tự chấm (tạm tính)'.padEnd(width)}  ${formatPointsVi(score.total).padStart(7)} / ${formatPointsVi(score.max).padStart(6)}   ${percentText(score.percent)}`);
      io.out(`  ${selfScopeText(parts)}; ${exclusionsText(parts)}.`);
      io.out(`Xếp loại tạm tính (chỉ phần tự chấm): ${score.band}`);
      if (official.appraised) for (const line of officialScoreLines(official).slice(1)) io.out(line);
      return 0;
    },
  },
];
