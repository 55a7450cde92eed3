import { useEffect, useState } from 'react';
import type { PlanCriterionFacts } from '../../../../shared/contract/plan';
import type { Answer, CriteriaItem } from '../../../../shared/criteria/format';
import { planLinkFor, reportsLinkFor, sameAnswer } from '../../../../shared/plan-link';
import type { ReportSendingRecord } from '../../../../shared/contract/reports';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.plan.link;

/**
 * In the item editor, for a criterion the plan answers (mức độ hoàn thành / ban hành kế hoạch):
 * what the plan says, whether the answer is taken from it, and a button to take it. Another answer
 * stays possible; the officer is asked for the reason in the thuyết minh.
 */
export function PlanCriterionLink({ year, item, answer, explanation, onUse }: { year: number; item: CriteriaItem; answer: Answer | null; explanation: string; onUse(answer: Answer): void }) {
  const api = useApi();
  const [facts, setFacts] = useState<PlanCriterionFacts | null>(null);
  const [record, setRecord] = useState<ReportSendingRecord | null>(null);
  useEffect(() => {
    void api.call('plan/criterion-facts', { year }).then((r) => setFacts(r.ok ? r.value : null));
    void api.call('reports/sending-record', { year }).then((r) => setRecord(r.ok ? r.value : null));
  }, [api, year]);
  const link = (facts ? planLinkFor(item, facts) : null) ?? (record ? reportsLinkFor(item, record) : null);
  if (!link) return null;
  const taken = sameAnswer(answer, link.answer);
  const overridden = !!answer && !taken;
  return (
    <section className="guidance" data-testid="plan-link" aria-label={t.title}>
      <h3>{link.kind === 'reports' ? t.titleReports : t.title}</h3>
      <p>{link.basis}.</p>
      {taken && <p className="ok-text">{t.taken}</p>}
      {overridden && <p className="warn-text">{explanation.trim() ? t.overridden : t.overriddenNoReason}</p>}
      {!taken && (
        <div>
          <button type="button" className="secondary" onClick={() => onUse(link.answer)}>
            {t.use}
          </button>
        </div>
      )}
    </section>
  );
}
