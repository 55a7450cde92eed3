import type { Handlers } from '../registry';
import {
  attachResult,
  checkTargets,
  deleteFile,
  evidenceStatus,
  fileDetail,
  linkFile,
  linksOfTarget,
  listFiles,
  openFile,
  previewFile,
  showFileInFolder,
  unlinkFile,
  updateMeta,
} from './evidence-service';
import { evidenceCatalog } from './catalog';
import { beginLocalImport, cancelLocalImport, localImportStatus } from './local-imports';
import { searchEvidence } from './search';
import { appendBytes, appendChunk, beginUpload, cancelUpload, finishUpload } from './upload-sessions';
import { verifyStore } from './verify';

type EvidenceChannel = Extract<keyof Handlers, `evidence/${string}`>;

export const evidenceHandlers: Pick<Handlers, EvidenceChannel> = {
  'evidence/upload-begin': ({ name, size, targets }, ctx) => beginUpload(ctx, name, size, checkTargets(targets)),
  'evidence/upload-chunk': ({ uploadId, index, dataBase64 }, { db }) => appendChunk(db, uploadId, index, dataBase64),
  'evidence/upload-bytes': ({ uploadId, offset, data }, { db }) => appendBytes(db, uploadId, offset, data),
  'evidence/upload-finish': async ({ uploadId }, ctx) => attachResult(ctx.db, await finishUpload(ctx, uploadId)),
  'evidence/upload-cancel': async ({ uploadId }, { db }) => ({ cancelled: await cancelUpload(db, uploadId) }),
  'evidence/local-import-begin': ({ grant, targets }, ctx) => beginLocalImport(ctx, grant, checkTargets(targets)),
  'evidence/local-import-status': ({ importId }, { db }) => localImportStatus(db, importId),
  'evidence/local-import-cancel': ({ importId }, { db }) => ({ cancelled: cancelLocalImport(db, importId) }),
  'evidence/links': ({ target }, { db }) => linksOfTarget(db, target),
  'evidence/link': ({ fileId, targets }, ctx) => linkFile(ctx, fileId, targets),
  'evidence/unlink': ({ fileId, target, removeFileIfUnused }, ctx) => unlinkFile(ctx, fileId, target, removeFileIfUnused ?? false),
  'evidence/delete': ({ fileId }, ctx) => deleteFile(ctx, fileId),
  'evidence/list': ({ limit, offset, unlinkedOnly }, { db }) => listFiles(db, limit, offset, unlinkedOnly ?? false),
  'evidence/get': ({ fileId }, { db }) => fileDetail(db, fileId),
  'evidence/update-meta': ({ fileId, meta }, ctx) => updateMeta(ctx, fileId, meta),
  'evidence/search': ({ query, limit, targetType }, { db }) => searchEvidence(db, query, limit, targetType),
  'evidence/verify': (_input, { db, dataDir, now }) => verifyStore(db, dataDir, now()),
  'evidence/status': (_input, { db }) => evidenceStatus(db),
  'evidence/preview': ({ fileId }, ctx) => previewFile(ctx, fileId),
  'evidence/open': ({ fileId }, ctx) => openFile(ctx, fileId),
  'evidence/catalog': (filter, { db }) => evidenceCatalog(db, filter),
  'evidence/show-in-folder': ({ fileId }, ctx) => showFileInFolder(ctx, fileId),
};
