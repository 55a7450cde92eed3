import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ContinueSummary } from '../../../shared/contract/exchange';
import { answerSchema } from '../../../shared/criteria/format';
import { SNAPSHOT_FILE_NAME, type ManifestFile } from '../../../shared/exchange/manifest';
import { foldVietnamese } from '../../../shared/text/vi';
import type { ApprovedItemInput } from '../assessment/assessment-service';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { continueAccess } from './assessment-access';
import { getOpenedPackage, openedFilePath, verifyOpenedFolder } from './package-open';
import { summariseProblems } from './zip-verify';

/**
 * "Continue from this package": on another machine (a new officer's PC, after a reinstall) the
 * officer starts the year's draft from an opened, verified assessment package.
 *
 * Refusals come first and cost nothing: the folder changed since it was opened, the package
 * carries no snapshot (made before it did) or a snapshot that does not match its hash, the unit
 * profile for the year is missing or names another unit, the criteria set is not in this store,
 * the year already has entries. Then the evidence files are streamed into the store (content-
 * addressed: a file stored by a run that fails later is harmless and deduplicated next time), and
 * one transaction in the assessment domain writes the entries, the links and the audit entry.
 *
 * Decisions:
 * - The unit profile is NOT created from the manifest: the package names the unit but not the
 *   focal officer or the leader who signs the documents, and a half-filled profile would print
 *   blank names into every generated document. The officer declares it once (first start does).
 * - A criteria set missing here is refused by name: the package does not carry the set, and
 *   scoring old answers against a different set would silently change points.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The parts of an assessment snapshot continue reads; checked, since the file comes from elsewhere. */
const snapshotSchema = z.object({
  format: z.literal('cchc-dossier-snapshot/1'),
  subject: z.object({ kind: z.literal('assessment'), key: z.string().max(40) }),
  content: z.object({
    year: z.number().int(),
    set: z.object({ id: z.string().min(1).max(200), version: z.number().int().min(1), name: z.string().max(500) }),
    items: z
      .array(
        z.object({
          code: z.string().min(1).max(40),
          answer: answerSchema.nullable(),
          explanation: z.string().max(100_000),
          evidence: z.array(z.object({ name: z.string().min(1).max(500), sha256: sha256Hex, size: z.number().int().min(0) })).max(5000),
        }),
      )
      .max(5000),
    total: z.number(),
  }),
});
type ApprovedSnapshot = z.infer<typeof snapshotSchema>;

export async function continueFromPackage(ctx: CoreContext, id: string): Promise<ContinueSummary> {
  const opened = await getOpenedPackage(ctx.dataDir, id);
  const m = opened.manifest;
  if (m.subject.kind !== 'assessment') {
    throw new AppError('INVALID_INPUT', 'Chỉ tiếp tục được từ gói hồ sơ tự đánh giá; gói báo cáo định kỳ chỉ để xem.');
  }
  if (m.subject.giaiTrinhRound) {
    throw new AppError('INVALID_INPUT', 'Gói hồ sơ giải trình chỉ để xem và kiểm tra; chỉ tiếp tục được từ gói hồ sơ tự đánh giá.');
  }
  const year = m.subject.year;

  const problems = await verifyOpenedFolder(opened);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Thư mục của gói đã mở bị thay đổi sau khi mở nên không tiếp tục được: ${summariseProblems(problems, 3)} Hãy xoá thư mục «${opened.folder}» rồi mở lại tệp .zip nhận được.`,
      problems,
    );
  }

  const snapshot = await readSnapshot(opened.manifest.files, (path) => openedFilePath(opened, path), m.snapshotSha256, year);
  const set = snapshot.content.set;

  const profile = continueAccess.profile(ctx.db, year);
  if (!profile) {
    throw new AppError(
      'NOT_FOUND',
      `Chưa khai báo thông tin đơn vị năm ${year} trên máy này. Hãy khai báo ở mục «Thông tin đơn vị» (gói là của «${m.unit.name}»), rồi tiếp tục từ gói.`,
    );
  }
  if (!sameName(profile.name, m.unit.name)) {
    throw new AppError(
      'CONFLICT',
      `Gói này là hồ sơ của «${m.unit.name}», còn thông tin đơn vị năm ${year} trên máy này là «${profile.name}». Chỉ tiếp tục được từ hồ sơ của chính đơn vị mình; nếu là cùng một đơn vị, hãy sửa tên ở mục «Thông tin đơn vị».`,
    );
  }
  if (!continueAccess.hasSet(ctx.db, set.id, set.version, ctx.now())) {
    throw new AppError(
      'NOT_FOUND',
      `Máy này chưa có bộ chỉ số «${set.name}» (mã ${set.id}, phiên bản ${set.version}) mà hồ sơ đã dùng. Hãy nhập bộ chỉ số đó ở mục «Bộ chỉ số», rồi tiếp tục từ gói.`,
    );
  }
  if (continueAccess.hasEntries(ctx, year)) {
    throw new AppError('CONFLICT', `Bản tự đánh giá năm ${year} trên máy này đã có dữ liệu; không ghi đè lên dữ liệu đã nhập.`);
  }

  // Evidence first: each distinct file streamed into the store once, before the transaction.
  // Where each referenced file lies in the package: the copy listed under the same item first,
  // else any copy of the same content (the first listed, in both cases).
  const bySha = new Map<string, ManifestFile>();
  const byItemAndSha = new Map<string, Map<string, ManifestFile>>();
  for (const f of m.files) {
    if (f.role !== 'evidence') continue;
    if (!bySha.has(f.sha256)) bySha.set(f.sha256, f);
    if (f.itemCode === undefined) continue;
    const ofItem = byItemAndSha.get(f.itemCode) ?? new Map<string, ManifestFile>();
    if (!ofItem.has(f.sha256)) ofItem.set(f.sha256, f);
    byItemAndSha.set(f.itemCode, ofItem);
  }
  const stored = new Map<string, number>();
  const missingFiles: ContinueSummary['missingFiles'] = [];
  let imported = 0;
  let alreadyStored = 0;
  const items: ApprovedItemInput[] = [];
  for (const item of snapshot.content.items) {
    const fileIds: number[] = [];
    for (const ref of item.evidence) {
      let fileId = stored.get(ref.sha256);
      if (fileId === undefined) {
        const file = byItemAndSha.get(item.code)?.get(ref.sha256) ?? bySha.get(ref.sha256);
        if (!file) {
          missingFiles.push({ itemCode: item.code, name: ref.name });
          continue;
        }
        const result = await continueAccess.storeFile(ctx.db, ctx.dataDir, openedFilePath(opened, file.path), ref.name);
        if (result.sha256 !== ref.sha256) {
          throw new AppError('VALIDATION_FAILED', `Tệp «${file.path}» đã bị thay đổi trong lúc nhập; hãy xoá thư mục «${opened.folder}» rồi mở lại tệp .zip.`);
        }
        fileId = result.fileId;
        stored.set(ref.sha256, fileId);
        if (result.duplicate) alreadyStored += 1;
        else imported += 1;
      }
      if (!fileIds.includes(fileId)) fileIds.push(fileId);
    }
    items.push({ code: item.code, answer: item.answer, explanation: item.explanation, fileIds });
  }

  const result = continueAccess.startFromApproved(ctx, {
    year,
    setId: set.id,
    setVersion: set.version,
    items,
    audit: { package: id, sourceName: opened.sourceName, version: m.version, snapshotSha256: m.snapshotSha256, approvedBy: m.approval.by },
  });
  return {
    year,
    set,
    itemsCarried: result.carried.length,
    notCarried: result.notCarried,
    evidence: { imported, alreadyStored, linked: result.linksAdded },
    missingFiles,
    total: result.score.total,
    approvedTotal: snapshot.content.total,
  };
}

/** The snapshot file, hashed as read (the bytes parsed are the bytes checked). */
async function readSnapshot(files: ManifestFile[], pathOf: (entry: string) => string, expectedSha256: string, year: number): Promise<ApprovedSnapshot> {
  const entry = files.find((f) => f.role === 'snapshot' && f.path === SNAPSHOT_FILE_NAME);
  if (!entry) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Gói này không kèm nội dung đã duyệt (${SNAPSHOT_FILE_NAME}; gói tạo bởi phiên bản CCHC Desk cũ) nên không tiếp tục được. Hãy đề nghị đơn vị xuất lại gói bằng phiên bản mới.`,
    );
  }
  const bytes = await readFile(pathOf(entry.path));
  if (createHash('sha256').update(bytes).digest('hex') !== expectedSha256) {
    throw new AppError('VALIDATION_FAILED', `Nội dung đã duyệt trong gói (${SNAPSHOT_FILE_NAME}) không khớp mã bản chụp ghi trong tệp kê khai; không tiếp tục được.`);
  }
  let parsed: ApprovedSnapshot;
  try {
    parsed = snapshotSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `Không đọc được nội dung đã duyệt trong gói (${SNAPSHOT_FILE_NAME}).`, error);
  }
  if (parsed.content.year !== year || parsed.subject.key !== String(year)) {
    throw new AppError('VALIDATION_FAILED', `Nội dung đã duyệt trong gói là của năm ${parsed.content.year}, không khớp năm ${year} ghi trong tệp kê khai.`);
  }
  return parsed;
}

/** Unit names compared as people read them: marks, case and spacing aside. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
