import { useEffect, useState } from 'react';
import type { CriteriaSet } from '../../../../shared/criteria/format';
import { ruleInWords } from '../../../../shared/criteria/rule-words';
import { flattenItems } from '../../../../shared/criteria/tree';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import './set-browser.css';

const t = vi.setBrowser;

/**
 * A whole criteria set, read-only, item by item: the tree (lĩnh vực → tiêu chí → tiêu chí thành
 * phần) on the left, the chosen item's maximum, rule in words, guidance and evidence on the right.
 */
export function SetBrowser({ id, version, onClose }: { id: string; version: number; onClose(): void }) {
  const api = useApi();
  const [set, setSet] = useState<CriteriaSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  useEffect(() => {
    void api.call('criteria/get', { id, version }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setSet(r.value);
      setCode(r.value.domains[0]?.code ?? null);
    });
  }, [api, id, version]);

  if (error) return <ErrorLine text={error} />;
  if (!set) return <p>{vi.loading}</p>;
  const flat = flattenItems(set);
  const chosen = flat.find((f) => f.item.code === code);
  const title = t.title(set.name, set.version);
  return (
    <section className="panel set-browser" role="region" aria-label={title}>
      <div className="row between">
        <h2>{title}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="muted small">{t.summary(flat.filter((f) => f.item.children.length === 0).length, formatPointsVi(set.scale.max))}</p>
      <div className="walk">
        <nav className="sections-nav" aria-label={t.tree}>
          <ol>
            {flat.map(({ item, depth }) => (
              <li key={item.code} className={`depth-${Math.min(depth, 3)}`}>
                <button
                  type="button"
                  className={item.code === code ? 'item-link active' : 'item-link'}
                  aria-current={item.code === code ? 'true' : undefined}
                  onClick={() => setCode(item.code)}
                >
                  <span className="code">{item.code}</span> {item.title} <span className="muted small">({formatPointsVi(item.maxPoints)})</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        {chosen && (
          <div className="item-column set-item" data-testid="set-item">
            <h3>
              <span className="code">{chosen.item.code}</span> {chosen.item.title}
            </h3>
            <dl>
              <dt>{t.maxPoints}</dt>
              <dd data-testid="set-item-max">{formatPointsVi(chosen.item.maxPoints)}</dd>
              <dt>{t.rule}</dt>
              <dd data-testid="set-item-rule">{ruleInWords(chosen.item)}</dd>
              {chosen.item.guidance && (
                <>
                  <dt>{t.guidance}</dt>
                  <dd className="pre-line">{chosen.item.guidance}</dd>
                </>
              )}
              <dt>{t.evidence}</dt>
              <dd data-testid="set-item-evidence">{chosen.item.evidenceRequired || t.noEvidence}</dd>
              {chosen.item.children.length > 0 && (
                <>
                  <dt>{t.children}</dt>
                  <dd>
                    <ul>
                      {chosen.item.children.map((c) => (
                        <li key={c.code}>
                          <button type="button" className="link" onClick={() => setCode(c.code)}>
                            {c.code} {c.title}
                          </button>{' '}
                          ({formatPointsVi(c.maxPoints)})
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
