import type { DossierVersionInfo, SubjectKind } from '../../../shared/contract/review';
import { MAX_SIGNED_COPY_BYTES } from '../../../shared/contract/review';
import { subjectId } from '../../../shared/review-labels';
import { toNfc } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { appendAudit } from './audit-log';
import { evidenceAccess } from './evidence-access';
import { getVersion, setSignedCopy, versionInfo } from './version-store';

/** What a signed copy may be: the PDF of a digital signature, or a scan of the signed paper. */
function signedKind(data: Buffer): 'pdf' | 'png' | 'jpeg' | 'tiff' | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  const head = data.subarray(0, 4).toString('latin1');
  if (head === 'II*\0' || head === 'MM\0*') return 'tiff';
  return null;
}

/**
 * Officer: attaches the copy signed outside the app to an approved version. The snapshot and its
 * hash stay as approved; only the signed-copy columns change (the triggers allow nothing else).
 */
export async function attachSignedCopy(
  ctx: CoreContext,
  kind: SubjectKind,
  key: string,
  versionNo: number,
  fileName: string,
  contentBase64: string,
): Promise<DossierVersionInfo> {
  const version = getVersion(ctx.db, kind, key, versionNo);
  if (!version) throw new AppError('NOT_FOUND', `Không có phiên bản ${versionNo} của hồ sơ này.`);
  if (version.status !== 'approved') throw new AppError('CONFLICT', `Phiên bản ${versionNo} chưa được duyệt; chỉ đính kèm bản ký cho phiên bản đã duyệt.`);
  const data = Buffer.from(contentBase64, 'base64');
  if (data.length === 0) throw new AppError('INVALID_INPUT', 'Tệp bản ký trống.');
  if (data.length > MAX_SIGNED_COPY_BYTES) throw new AppError('INVALID_INPUT', 'Bản ký không được lớn hơn 40 MB.');
  if (!signedKind(data)) throw new AppError('INVALID_INPUT', `Tệp «${fileName}» không phải PDF hoặc ảnh quét (PNG, JPEG, TIFF).`);
  const name = toNfc(fileName.trim());
  const stored = await evidenceAccess.storeBufferAsEvidence(ctx.db, ctx.dataDir, name, data);
  const at = ctx.now();
  ctx.db.transaction(() => {
    const current = getVersion(ctx.db, kind, key, versionNo)!;
    setSignedCopy(ctx.db, current.id, { fileId: stored.fileId, sha256: stored.sha256, name, size: data.length }, ctx.actor, at);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'review.signed-copy',
      subject: subjectId(kind, key),
      target: `v${versionNo}`,
      old: current.signed_sha256 ? { name: current.signed_name, sha256: current.signed_sha256 } : null,
      new: { name, sha256: stored.sha256, size: data.length },
    });
  })();
  return versionInfo(ctx.db, getVersion(ctx.db, kind, key, versionNo)!);
}
