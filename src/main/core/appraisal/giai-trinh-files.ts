import { giaiTrinhTargetKey } from '../../../shared/contract/evidence';
import { todayInVietnam } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { getProfile } from '../profile/profile-store';
import { getAppraisalView, GIAI_TRINH_ROUND } from './appraisal-service';
import { evidenceAccess, type LinkedEvidence } from './evidence-access';
import { buildGiaiTrinhDocument } from './giai-trinh-document';
import { reportingAccess } from './reporting-access';

/** The giải trình dossier's documents: the Văn bản giải trình (.docx). */
export async function giaiTrinhDocx(ctx: CoreContext, year: number): Promise<{ fileName: string; data: Buffer }> {
  const profile = getProfile(ctx.db, year);
  if (!profile) throw new AppError('NOT_FOUND', `Chưa khai báo thông tin đơn vị cho năm ${year}.`);
  const view = getAppraisalView(ctx, year);
  if (!view?.rounds.some((r) => r.round === GIAI_TRINH_ROUND)) throw new AppError('NOT_FOUND', `Chưa nhập kết quả thẩm định lần 1 năm ${year} nên chưa có gì để giải trình.`);
  const keys = view.toExplain.map((code) => giaiTrinhTargetKey(year, GIAI_TRINH_ROUND, code));
  const linked = evidenceAccess.listLinkedEvidence(ctx.db, keys);
  const evidence: Record<string, LinkedEvidence[]> = Object.fromEntries(view.toExplain.map((code) => [code, linked[giaiTrinhTargetKey(year, GIAI_TRINH_ROUND, code)] ?? []]));
  const model = buildGiaiTrinhDocument({ profile, view, evidence, isoDate: todayInVietnam(ctx.now()) });
  return {
    fileName: reportingAccess.asciiFileName(`Van ban giai trinh tham dinh lan 1 Chi so CCHC nam ${year} ${profile.shortName}`, 'docx'),
    data: await reportingAccess.writeDecree30Docx(model),
  };
}
