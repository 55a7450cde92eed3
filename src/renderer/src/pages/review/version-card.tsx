import { useState } from 'react';
import type { ApprovedVersionView, AssessmentSnapshotContent, DossierVersionInfo, SubjectKind, VersionVerifyResult } from '../../../../shared/contract/review';
import { MAX_SIGNED_COPY_BYTES } from '../../../../shared/contract/review';
import { formatDateTimeVi, VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { formatNumberVi, formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { readFileAsBase64, saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';
import './item-review.css';
import { parseGiaiTrinhSubjectKey } from '../../../../shared/contract/appraisal';
import { GiaiTrinhSnapshot, type GiaiTrinhSnapshotContent } from '../appraisal/giai-trinh-snapshot';

const t = vi.review;

interface Props {
  subject: { kind: SubjectKind; key: string };
  version: DossierVersionInfo;
  canAttach: boolean;
  onChanged(): Promise<void>;
}

/** One version of the dossier; an approved one read-only with its hash, documents and signed copy. */
export function VersionCard({ subject, version, canAttach, onChanged }: Props) {
  const api = useApi();
  const ref = { ...subject, versionNo: version.versionNo };
  const [verify, setVerify] = useState<VersionVerifyResult | null>(null);
  const [snapshot, setSnapshot] = useState<ApprovedVersionView | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const approved = version.status === 'approved';

  async function download(position: number) {
    const r = await api.call('review/document', { ...ref, position });
    if (r.ok) saveBase64File(r.value.fileName, r.value.contentBase64);
    else setMessage({ kind: 'error', text: r.error.message });
  }

  async function check() {
    const r = await api.call('review/verify-version', ref);
    if (r.ok) setVerify(r.value);
    else setMessage({ kind: 'error', text: r.error.message });
  }

  async function toggleSnapshot() {
    if (snapshot) return setSnapshot(null);
    const r = await api.call('review/version', ref);
    if (r.ok) setSnapshot(r.value);
    else setMessage({ kind: 'error', text: r.error.message });
  }

  async function downloadSnapshot() {
    const r = await api.call('review/version', ref);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    saveBase64File(`ban-chot-${subject.kind === 'assessment' ? 'tu-danh-gia' : 'bao-cao'}-${subject.key.replace(':', '-')}-phien-ban-${version.versionNo}.json`, utf8Base64(r.value.snapshotJson), 'application/json');
  }

  async function attach(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    if (file.size > MAX_SIGNED_COPY_BYTES) return setMessage({ kind: 'error', text: t.tooLarge });
    const r = await api.call('review/attach-signed', { ...ref, fileName: file.name, contentBase64: await readFileAsBase64(file) });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setMessage({ kind: 'success', text: t.attached(r.value.signedCopy?.name ?? file.name) });
    await onChanged();
  }

  return (
    <article className={`panel version-card status-${version.status}`} aria-label={t.version(version.versionNo)}>
      <h3>
        {t.version(version.versionNo)} — {VERSION_STATUS_LABELS[version.status]}
      </h3>
      <dl className="facts compact">
        {version.opened && (
          <>
            <dt>{t.openedBy}</dt>
            <dd>{t.by(version.opened.name, formatDateTimeVi(version.opened.at))}</dd>
          </>
        )}
        {version.submitted && (
          <>
            <dt>{t.submittedBy}</dt>
            <dd>{t.by(version.submitted.name, formatDateTimeVi(version.submitted.at))}</dd>
          </>
        )}
        {version.decided && (
          <>
            <dt>{approved ? t.approver : t.decidedBy}</dt>
            <dd data-testid={approved ? 'approver' : undefined}>
              {t.by(version.decided.name, formatDateTimeVi(version.decided.at))}
              {/* Allowed in a small unit, but shown on the record rather than hidden. */}
              {approved && version.submitted?.id != null && version.submitted.id === version.decided.id && (
                <> <span className="same-person" data-testid="same-person">{vi.rounds.samePerson}</span></>
              )}
            </dd>
          </>
        )}
        {approved && (
          <>
            <dt>{t.decisionComment}</dt>
            <dd>{version.decisionComment || '—'}</dd>
            <dt>{t.hash}</dt>
            <dd className="mono hash" data-testid="snapshot-hash">
              {version.snapshotSha256}
            </dd>
            <dt>{t.documents}</dt>
            <dd>
              {version.documents.map((d) => (
                <div key={d.position}>
                  {d.fileName} ({formatNumberVi(d.size / 1024, 1)} KB){' '}
                  <button type="button" className="link" onClick={() => void download(d.position)}>
                    {t.download}
                  </button>
                </div>
              ))}
            </dd>
            <dt>{t.signedCopy}</dt>
            <dd>
              {version.signedCopy ? (
                <span data-testid="signed-copy">
                  {version.signedCopy.name} — {t.by(version.signedCopy.byName, formatDateTimeVi(version.signedCopy.at))}
                  <span className="mono small"> {version.signedCopy.sha256.slice(0, 16)}…</span>
                </span>
              ) : (
                <span className="muted">{t.noSignedCopy}</span>
              )}
            </dd>
          </>
        )}
      </dl>
      {approved && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => void check()}>
            {t.verify}
          </button>
          <button type="button" className="secondary" onClick={() => void toggleSnapshot()}>
            {snapshot ? t.hideSnapshot : t.viewSnapshot}
          </button>
          <button type="button" className="secondary" onClick={() => void downloadSnapshot()}>
            {t.downloadSnapshot}
          </button>
          {canAttach && (
            <label className="secondary file-button">
              {t.attachSigned}
              <input type="file" accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/*" onChange={(e) => void attach(e.target.files?.[0])} />
            </label>
          )}
        </div>
      )}
      {verify && (
        <p className={verify.ok ? 'success' : 'error'} role="status">
          {verify.message}
        </p>
      )}
      <MessageLine message={message} />
      {snapshot && subject.kind === 'assessment' && !parseGiaiTrinhSubjectKey(subject.key) && <SnapshotTable content={snapshot.snapshot.content as AssessmentSnapshotContent} />}
      {snapshot && parseGiaiTrinhSubjectKey(subject.key) && <GiaiTrinhSnapshot content={snapshot.snapshot.content as GiaiTrinhSnapshotContent} />}
      {snapshot && subject.kind === 'report' && <ReportSnapshot content={snapshot.snapshot.content as ReportSnapshotContent} />}
    </article>
  );
}

/** UTF-8 bytes of a text as base64, in chunks (a large snapshot would overflow one spread call). */
function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function SnapshotTable({ content }: { content: AssessmentSnapshotContent }) {
  return (
    <table className="grid snapshot-table">
      <thead>
        <tr>
          <th>{t.item}</th>
          <th className="num">{t.points}</th>
          <th>{t.explanation}</th>
        </tr>
      </thead>
      <tbody>
        {content.items.map((i) => (
          <tr key={i.code}>
            <td>
              <span className="code">{i.code}</span> {i.title}
            </td>
            <td className="num">
              {formatPointsVi(i.points)} / {formatPointsVi(i.maxPoints)}
            </td>
            <td>{i.explanation}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>
            {t.snapshotTotal} — {vi.scoreLabels.provisionalBand}: {content.band}
          </th>
          <th className="num">
            {formatPointsVi(content.total)} / {formatPointsVi(content.max)}
          </th>
          <th />
        </tr>
      </tfoot>
    </table>
  );
}

/** What the reporting domain freezes for a periodic report (review/report-subject.ts). */
interface ReportSnapshotContent {
  sections: { code: string; label: string; title: string; text: string }[];
  statistics: { code: string; label: string; value: number | null; unit: 'count' | 'percent' }[];
}

function ReportSnapshot({ content }: { content: ReportSnapshotContent }) {
  return (
    <div className="report-snapshot">
      {content.sections.map((s) => (
        <section key={s.code}>
          <h3>
            {s.label}. {s.title}
          </h3>
          <p className="value-cell">{s.text || '—'}</p>
        </section>
      ))}
      <table className="grid snapshot-table">
        <tbody>
          {content.statistics.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.value === null ? '—' : r.unit === 'percent' ? `${formatNumberVi(r.value)}%` : formatNumberVi(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
