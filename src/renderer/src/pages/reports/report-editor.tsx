import { useCallback, useEffect, useState } from 'react';
import { reportSubjectKey, type ReportPeriodCode, type ReportSection, type ReportView } from '../../../../shared/contract/reports';
import type { CheckTarget, SubjectKind } from '../../../../shared/contract/review';
import { formatDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine, SuccessLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { SentBadge } from './sent-badge';
import { SendingPanel } from './sending-panel';
import { GeneratePanel } from './generate-panel';
import { DocumentOptionsPanel } from './document-options-panel';
import { ReportActions } from './report-actions';
import { EvidencePanel } from '../evidence/evidence-panel';
import { ReviewCommentsBanner } from '../review/review-comments-banner';
import { SectionEditor } from './section-editor';
import { SectionsNav } from './sections-nav';
import { StatisticsPanel } from './statistics-panel';

const t = vi.reports.editor;

type Tab = 'content' | 'statistics';

/** One period's report: the outline with a text editor per section, the biểu số liệu, the documents. */
export function ReportEditor({
  year,
  period,
  onBack,
  initialSection,
  onOpenTarget,
}: {
  year: number;
  period: ReportPeriodCode;
  onBack(): void;
  /** The section to show first (a finding of a check names it). */
  initialSection?: string | undefined;
  /** Where a finding outside this report is fixed (an item, the criteria page). */
  onOpenTarget?(target: CheckTarget, subject: { kind: SubjectKind; key: string }): void;
}) {
  const api = useApi();
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('content');
  const [currentCode, setCurrentCode] = useState('');
  // Bumped when main replaces the text wholesale (carry, pre-fill) so open editors reload it.
  const [revision, setRevision] = useState(0);
  const [optionsRevision, setOptionsRevision] = useState(0);

  useEffect(() => {
    void api.call('reports/get', { year, period }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setView(r.value);
      const first = r.value.sections.find((s) => s.code === initialSection) ?? r.value.sections[0];
      setCurrentCode(first?.code ?? '');
    });
  }, [api, year, period, initialSection]);

  const saveSection = useCallback(
    async (code: string, text: string): Promise<string | null> => {
      // Shown at once in the outline; main's answer then says whether it is still a draft.
      setView((v) => v && { ...v, sections: v.sections.map((s) => (s.code === code ? { ...s, text } : s)) });
      const r = await api.call('reports/save-section', { year, period, code, text });
      if (!r.ok) return r.error.message;
      setView((v) => v && { ...v, started: true, sections: v.sections.map((s) => (s.code === code ? mergeSaved(s, r.value) : s)) });
      return null;
    },
    [api, year, period],
  );

  if (error && !view) return <ErrorLine text={error} />;
  if (!view) return <p>{vi.loading}</p>;
  const p = view.period;
  const current = view.sections.find((s) => s.code === currentCode);

  return (
    <section className="report-editor">
      <button type="button" className="link" onClick={onBack}>
        {t.back}
      </button>
      <header className="report-head">
        <div>
          <h1>{t.heading(p.title)}</h1>
          <p className="muted">{t.window(formatDateVi(p.cutoffFrom), formatDateVi(p.cutoffTo), formatDateVi(p.deadline))}</p>
        </div>
        <SentBadge period={p} />
      </header>

      <ReportActions
        year={year}
        period={period}
        started={view.started}
        onDone={(next, message) => {
          setView(next);
          setRevision((n) => n + 1);
          setError(null);
          setNotice(message);
        }}
        onError={(message) => {
          setNotice(null);
          setError(message);
        }}
      />
      <SuccessLine text={notice} />
      <ErrorLine text={error} />

      <div
        className="row tabs"
        role="tablist"
        aria-label={t.heading(p.title)}
        onKeyDown={(e) => {
          // The tab pattern: arrows move between the two tabs, Tab leaves the list.
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          e.preventDefault();
          e.currentTarget.querySelector<HTMLButtonElement>('[aria-selected="false"]')?.focus();
          setTab((current) => (current === 'content' ? 'statistics' : 'content'));
        }}
      >
        <TabButton id="content" current={tab} label={t.contentTab} onSelect={setTab} />
        <TabButton id="statistics" current={tab} label={t.statisticsTab} onSelect={setTab} />
      </div>

      {tab === 'content' ? (
        <div className="walk" role="tabpanel" aria-label={t.contentTab}>
          <SectionsNav sections={view.sections} current={currentCode} onSelect={setCurrentCode} />
          {current && (
            <div className="item-column">
              <ReviewCommentsBanner
                key={`review-${current.code}`}
                subject={{ kind: 'report', key: reportSubjectKey(year, period) }}
                code={current.code}
                title={vi.review.sectionBannerTitle}
              />
              <SectionEditor
                key={`${current.code}-${revision}`}
                title={`${current.label}. ${current.title}`}
                guidance={current.hint}
                note={current.draft ? t.draftNote : undefined}
                initial={current.text}
                evidence={<EvidencePanel year={year} code={current.code} sectionKey={current.evidenceKey} />}
                onSave={(text) => saveSection(current.code, text)}
              />
            </div>
          )}
        </div>
      ) : (
        <div role="tabpanel" aria-label={t.statisticsTab}>
          <StatisticsPanel
            key={revision}
            year={year}
            period={period}
            rows={view.statistics}
            onRows={(rows) => setView((v) => v && { ...v, started: true, statistics: rows })}
          />
        </div>
      )}

      <DocumentOptionsPanel year={year} period={period} onSaved={() => setOptionsRevision((n) => n + 1)} />
      <GeneratePanel
        year={year}
        periods={[p]}
        period={p.code}
        optionsRevision={optionsRevision}
        refreshKey={view.sections.filter((s) => !s.text.trim()).length}
        onOpenTarget={(target, subject) => {
          // A section of this report opens here; anything else is another page's.
          if (target.type === 'section' && subject.key === reportSubjectKey(year, period)) {
            setTab('content');
            setCurrentCode(target.code);
          } else onOpenTarget?.(target, subject);
        }}
      />
      <SendingPanel key={p.sent?.sentDate ?? 'unsent'} period={p} onChange={(next) => setView((v) => v && { ...v, period: next })} />
    </section>
  );
}

/** Keeps the text shown (typing may have moved on) and takes main's draft flag and time. */
function mergeSaved(shown: ReportSection, saved: ReportSection): ReportSection {
  return { ...saved, text: shown.text };
}

function TabButton(props: { id: Tab; current: Tab; label: string; onSelect(tab: Tab): void }) {
  const selected = props.id === props.current;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={selected ? 'tab active' : 'tab'}
      onClick={() => props.onSelect(props.id)}
    >
      {props.label}
    </button>
  );
}
