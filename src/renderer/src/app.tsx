import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/app';
import { useApi } from './api/context';
import { vi } from './i18n/vi';
import { AssessmentPage } from './pages/assessment/assessment-page';
import { CriteriaPage } from './pages/criteria/criteria-page';
import { BackupPage } from './pages/exchange/backup-page';
import { SubmissionPage } from './pages/exchange/submission-page';
import { FirstStartPage } from './pages/first-start-page';
import { HomePage } from './pages/home-page';
import { ProfilePage } from './pages/profile-page';

export type PageId = 'home' | 'assessment' | 'criteria' | 'profile' | 'submission' | 'backup';

/** Opens on the first-start form until a unit profile exists, then on the app's pages. */
export function App() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState<PageId>('home');

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
        <NavButton id="criteria" current={page} onSelect={setPage} label={vi.nav.criteria} />
        <NavButton id="submission" current={page} onSelect={setPage} label={vi.nav.submission} />
        <NavButton id="backup" current={page} onSelect={setPage} label={vi.nav.backup} />
        <NavButton id="profile" current={page} onSelect={setPage} label={vi.nav.profile} />
      </nav>
      <main className="content">
        {page === 'home' && <HomePage info={info} onOpenBackup={() => setPage('backup')} />}
        {page === 'assessment' && <AssessmentPage key={info.latestProfile.year} profile={info.latestProfile} />}
        {page === 'criteria' && <CriteriaPage />}
        {page === 'submission' && <SubmissionPage year={info.latestProfile.year} />}
        {page === 'backup' && <BackupPage />}
        {page === 'profile' && <ProfilePage latest={info.latestProfile} onSaved={() => void reload()} />}
      </main>
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
