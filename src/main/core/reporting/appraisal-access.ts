import * as appraisal from '../appraisal';

/**
 * What the reporting domain asks of the appraisal domain: the appraised points per item (latest
 * round) and the council's notes, for the "Điểm thẩm định" column of the self-assessment report.
 * Called through a function, not bound at load: the appraisal domain writes its own document with
 * the reporting domain's Decree-30 writer, so the two modules load each other.
 */
export const appraisalAccess = {
  appraisalColumns(ctx: Parameters<typeof appraisal.getAppraisalView>[0], year: number) {
    const view = appraisal.getAppraisalView(ctx, year);
    const latest = view?.rounds.at(-1);
    if (!view || !latest) return undefined;
    const points: Record<string, number> = {};
    const notes: Record<string, string> = {};
    for (const item of view.items) {
      const r = latest.round === 2 ? (item.round2 ?? item.round1) : item.round1;
      if (r) points[item.code] = r.effective;
      const note = [item.round1?.note, item.round2?.note].filter(Boolean).join(' / ');
      if (note) notes[item.code] = note;
    }
    for (const d of view.domains) if (d.appraised) points[d.code] = d.appraised.points;
    return { round: latest.round, points, notes };
  },
};
