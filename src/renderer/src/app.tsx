import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/app';
import { useApi } from './api/context';
import { vi } from './i18n/vi';
import { AssessmentPage } from './pages/assessment/assessment-page';
import { CriteriaPage } from './pages/criteria/criteria-page';
import { SearchBox } from './pages/evidence/search-box';
import { SearchPage } from './pages/evidence/search-page';
import { useFileDropGuard } from './pages/evidence/use-file-drop-guard';
import { VerifyPage } from './pages/evidence/verify-page';
import { FirstStartPage } from './pages/first-start-page';
import { HomePage } from './pages/home-page';
import { ProfilePage } from './pages/profile-page';

export type PageId = 'home' | 'assessment' | 'criteria' | 'evidence-verify' | 'evidence-search' | 'profile';

/** Opens on the first-start form until a unit profile exists, then on the app's pages. */
export function App() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState<PageId>('home');
  useFileDropGuard();
  // The nonce re-runs a search for the same words (files may have been attached since).
  const [search, setSearch] = useState({ query: '', nonce: 0 });
  // An item asked for from another page (search, verification); the nonce remounts the assessment on it.
  const [focus, setFocus] = useState<{ code: string; nonce: number } | null>(null);
  const openItem = useCallback((code: string) => {
    setFocus((f) => ({ code, nonce: (f?.nonce ?? 0) + 1 }));
    setPage('assessment');
  }, []);

  const reload = useCallback(async () => {
    const result = await api.call('app/info', {});
    if (result.ok) setInfo(result.value);
    else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) return <main className="centered"><p className="error" role="alert">{error}</p></main>;
  if (!info) return <main className="centered"><p>{vi.loading}</p></main>;
  if (!info.latestProfile) return <FirstStartPage onDone={() => void reload()} />;

  return (
    <div className="layout">
      <nav className="sidebar" aria-label="Điều hướng chính">
        <div className="brand">{vi.appName}</div>
        <NavButton id="home" current={page} onSelect={setPage} label={vi.nav.home} />
        <NavButton id="assessment" current={page} onSelect={setPage} label={vi.nav.assessment} />
        <NavButton id="evidence-verify" current={page} onSelect={setPage} label={vi.nav.verify} />
        <NavButton id="criteria" current={page} onSelect={setPage} label={vi.nav.criteria} />
        <NavButton id="profile" current={page} onSelect={setPage} label={vi.nav.profile} />
      </nav>
      <div className="main-column">
        <header className="topbar">
          <SearchBox
            initial={search.query}
            onSearch={(query) => {
              setSearch((s) => ({ query, nonce: s.nonce + 1 }));
              setPage('evidence-search');
            }}
          />
        </header>
        <main className="content">
          {page === 'home' && <HomePage info={info} />}
          {page === 'assessment' && (
            <AssessmentPage key={`${info.latestProfile.year}-${focus?.nonce ?? 0}`} profile={info.latestProfile} focusCode={focus?.code} />
          )}
          {page === 'evidence-search' && <SearchPage key={search.nonce} query={search.query} year={info.latestProfile.year} onOpenItem={openItem} />}
          {page === 'evidence-verify' && <VerifyPage year={info.latestProfile.year} onOpenItem={openItem} />}
          {page === 'criteria' && <CriteriaPage />}
          {page === 'profile' && <ProfilePage latest={info.latestProfile} onSaved={() => void reload()} />}
        </main>
      </div>
    </div>
  );
}

function NavButton(props: { id: PageId; current: PageId; label: string; onSelect(id: PageId): void }) {
  return (
    <button
      type="button"
      className={props.id === props.current ? 'nav-item active' : 'nav-item'}
      aria-current={props.id === props.current ? 'page' : undefined}
      onClick={() => props.onSelect(props.id)}
    >
      {props.label}
    </button>
  );
}
