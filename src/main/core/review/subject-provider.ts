import type { ReviewTarget, SubjectKind } from '../../../shared/contract/review';
import type { CoreContext } from '../context';

/**
 * What the review domain needs from the domain that owns a dossier: the assessment (kind
 * 'assessment', key '2026') or the periodic reports (kind 'report', key '2026:q1'). The review
 * workflow, versions, comments and audit are the same for both; only these pieces differ.
 */
export interface ReviewSubjectProvider {
  readonly kind: SubjectKind;
  /** A Vietnamese reason when the key is malformed ('2026' for assessments), else null. */
  keyProblem(key: string): string | null;
  /** The subject's title for messages and the UI, or null when it does not exist yet. */
  describe(ctx: CoreContext, key: string): { title: string } | null;
  /** What a leader's comment may point at: items for an assessment, sections for a report. */
  targets(ctx: CoreContext, key: string): ReviewTarget[];
  /**
   * The content frozen at approval (scores, texts, evidence hashes), JSON-serialisable. Called
   * inside the approval transaction, so it must be synchronous and read the store only.
   */
  content(ctx: CoreContext, key: string): unknown;
  /** The generated documents (docx/xlsx …) frozen with the snapshot. Called before that transaction. */
  documents(ctx: CoreContext, key: string): Promise<{ fileName: string; data: Buffer }[]>;
}
