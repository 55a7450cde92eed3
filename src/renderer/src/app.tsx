import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChannelName } from '../../shared/contract';
import type { AppInfo } from '../../shared/contract/app';
import type { UnitProfile } from '../../shared/contract/profile';
import type { AuthStatus } from '../../shared/contract/auth';
import type { ReportPeriodCode } from '../../shared/contract/reports';
import { ApiContext, useApi } from './api/context';
import { AuthContext, makeCan, useAuth, type Auth } from './auth/auth-context';
import { useIdleLock } from './auth/use-idle-lock';
import { watchAuthErrors } from './auth/watch-auth-errors';
import { WorkingYearPicker } from './components/working-year-picker';
import { vi } from './i18n/vi';
import { AccountsPage } from './pages/accounts/accounts-page';
import { AssessmentPage } from './pages/assessment/assessment-page';
import { ChangePasswordDialog } from './pages/auth/change-password-dialog';
import { LockScreen } from './pages/auth/lock-screen';
import { SignInPage } from './pages/auth/sign-in-page';
import { UserBar } from './pages/auth/user-bar';
import { CriteriaPage } from './pages/criteria/criteria-page';
import { SearchBox } from './pages/evidence/search-box';
import { SearchPage } from './pages/evidence/search-page';
import { useFileDropGuard } from './pages/evidence/use-file-drop-guard';
import { EvidenceListPage } from './pages/evidence/evidence-list-page';
import { VerifyPage } from './pages/evidence/verify-page';
import { BackupPage } from './pages/exchange/backup-page';
import { SubmissionPage } from './pages/exchange/submission-page';
import { FirstStartPage } from './pages/first-start-page';
import { HomePage } from './pages/home-page';
import { ProfilePage } from './pages/profile-page';
import { ReportsPage } from './pages/reports/reports-page';
import { AuditPage } from './pages/review/audit-page';
import { ReviewPage } from './pages/review/review-page';
import { recall, remember } from './remembered';
import { AppraisalPage } from './pages/appraisal/appraisal-page';
import { PlanPage } from './pages/plan/plan-page';

export type PageId = 'home' | 'assessment' | 'reports' | 'review' | 'submission' | 'audit' | 'criteria' | 'evidence-verify' | 'evidence-search' | 'backup' | 'profile' | 'accounts'
  | 'evidence-list' | 'appraisal' | 'plan';

interface NavEntry {
  id: PageId;
  label: string;
  /** Hidden unless the person may call this channel: the page offers nothing else to do. */
  needs?: ChannelName;
}

/** The sidebar, grouped by the work it serves; every page but the home page sits in one group. */
const NAV_GROUPS: { id: string; title: string; entries: NavEntry[] }[] = [
  {
    id: 'assessment',
    title: vi.navGroups.assessment,
    entries: [
      { id: 'assessment', label: vi.nav.assessment },
      { id: 'criteria', label: vi.nav.criteria },
      { id: 'evidence-verify', label: vi.nav.verify },
      { id: 'evidence-list', label: vi.evidenceList.nav },
      { id: 'appraisal', label: vi.appraisal.nav },
    ],
  },
  { id: 'reports', title: vi.navGroups.reports, entries: [{ id: 'reports', label: vi.nav.reports }, { id: 'plan', label: vi.nav.plan }] },
  {
    id: 'review',
    title: vi.navGroups.review,
    entries: [
      { id: 'review', label: vi.nav.review },
      { id: 'submission', label: vi.nav.submission },
      { id: 'audit', label: vi.nav.audit },
    ],
  },
  {
    id: 'system',
    title: vi.navGroups.system,
    entries: [
      { id: 'profile', label: vi.nav.profile },
      { id: 'accounts', label: vi.nav.accounts, needs: 'accounts/list' },
      // Backing up and restoring (on the same page) are the administrator's.
      { id: 'backup', label: vi.nav.backup, needs: 'backup/create' },
    ],
  },
];

/**
 * Who is at the keyboard decides the screen: no account yet → first start (administrator, then
 * the unit); accounts but nobody signed in → sign-in; signed in → the app, covered by the lock
 * screen when locked. Main enforces all of it; this only shows the matching screen.
 */
export function App() {
  const api = useApi();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.call('auth/status', {});
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const markLocked = useCallback(() => setStatus((s) => (s && s.user ? { ...s, locked: true } : s)), []);
  const guarded = useMemo(() => watchAuthErrors(api, { locked: markLocked, signedOut: () => void refresh() }), [api, markLocked, refresh]);

  const auth = useMemo<Auth | null>(() => {
    if (!status?.user) return null;
    return {
      user: status.user,
      lockAfterMinutes: status.lockAfterMinutes,
      can: makeCan(status.user),
      lock: () => void api.call('auth/lock', {}).then(markLocked),
      signOut: () => void api.call('auth/logout', {}).then(refresh),
      refresh,
    };
  }, [api, status, markLocked, refresh]);

  useIdleLock(status?.lockAfterMinutes ?? 15, !!auth && !status?.locked, () => auth?.lock(), () => void guarded.call('auth/activity', {}));

  if (error) return <main className="centered"><p className="error" role="alert">{error}</p></main>;
  if (!status) return <main className="centered"><p>{vi.loading}</p></main>;
  if (!status.hasAccounts) return <FirstStartPage step="account" onDone={() => void refresh()} />;
  if (!auth) return <SignInPage onSignedIn={() => void refresh()} />;

  return (
    <ApiContext.Provider value={guarded}>
      <AuthContext.Provider value={auth}>
        {status.locked && <LockScreen user={auth.user} minutes={status.lockAfterMinutes} onUnlocked={() => void refresh()} onSignOut={auth.signOut} />}
        {/* Kept mounted while locked, so what was on screen (and typed) is there after unlocking. */}
        <div hidden={status.locked}>
          <Workspace />
        </div>
      </AuthContext.Provider>
    </ApiContext.Provider>
  );
}

/** The signed-in app: the unit profile step if none yet, then the pages this person may use. */
function Workspace() {
  const api = useApi();
  const { can } = useAuth();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A reload comes back to the page the officer was on.
  const [page, setPage] = useState<PageId>(() => rememberedPage() ?? 'home');
  useEffect(() => remember('page', page), [page]);
  const [changingPassword, setChangingPassword] = useState(false);
  // Set when the home page's deadline panel opens a period's report directly.
  const [reportPeriod, setReportPeriod] = useState<ReportPeriodCode | undefined>(undefined);
  const navigate = (id: PageId) => {
    setReportPeriod(undefined);
    setPage(id);
  };
  useFileDropGuard();
  // The nonce re-runs a search for the same words (files may have been attached since).
  const [search, setSearch] = useState({ query: '', nonce: 0 });
  // An item asked for from another page (search, verification); the nonce remounts the assessment on it.
  const [focus, setFocus] = useState<{ code: string; nonce: number } | null>(null);
  const openItem = useCallback((code: string) => {
    setFocus((f) => ({ code, nonce: (f?.nonce ?? 0) + 1 }));
    setReportPeriod(undefined);
    setPage('assessment');
  }, []);

  // The year the pages work on: the latest profile's, unless an earlier one is picked.
  const [years, setYears] = useState<number[]>([]);
  const [picked, setPicked] = useState<UnitProfile | null>(null);

  const pickYear = useCallback(
    async (year: number) => {
      const result = await api.call('profile/get', { year });
      if (result.ok && result.value) {
        setPicked(result.value);
        remember('year', String(year));
      }
    },
    [api],
  );

  const reload = useCallback(async () => {
    const result = await api.call('app/info', {});
    if (!result.ok) return setError(result.error.message);
    setInfo(result.value);
    setPicked(null);
    const known = await api.call('profile/years', {});
    if (known.ok) setYears(known.value);
    // The working year survives a reload; the latest profile's year is the default.
    const saved = Number(recall('year'));
    if (known.ok && saved && saved !== result.value.latestProfile?.year && known.value.includes(saved)) await pickYear(saved);
  }, [api, pickYear]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) return <main className="centered"><p className="error" role="alert">{error}</p></main>;
  if (!info) return <main className="centered"><p>{vi.loading}</p></main>;
  if (!info.latestProfile) return <FirstStartPage step="profile" onDone={() => void reload()} />;
  const profile = picked ?? info.latestProfile;

  return (
    <div className="layout">
      <nav className="sidebar" aria-label="Điều hướng chính">
        <div className="brand">{vi.appName}</div>
        <NavButton id="home" current={page} onSelect={navigate} label={vi.nav.home} />
        {NAV_GROUPS.map((group) => {
          const entries = group.entries.filter((entry) => !entry.needs || can(entry.needs));
          if (entries.length === 0) return null;
          const headingId = `nav-group-${group.id}`;
          return (
            <div key={group.id} className="nav-group" role="group" aria-labelledby={headingId}>
              <h2 id={headingId} className="nav-group-title">
                {group.title}
              </h2>
              {entries.map((entry) => (
                <NavButton key={entry.id} id={entry.id} current={page} onSelect={navigate} label={entry.label} />
              ))}
            </div>
          );
        })}
      </nav>
      <div className="main-column">
        <header className="topbar">
          <WorkingYearPicker
            years={years}
            year={profile.year}
            onChange={(year) => {
              if (year === info.latestProfile?.year) {
                setPicked(null);
                remember('year', String(year));
              } else void pickYear(year);
            }}
          />
          <SearchBox
            initial={search.query}
            onSearch={(query) => {
              setSearch((s) => ({ query, nonce: s.nonce + 1 }));
              setPage('evidence-search');
            }}
          />
        </header>
        <UserBar onChangePassword={() => setChangingPassword(true)} />
        <main className="content">
          {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
          {page === 'home' && (
            <HomePage
              info={info}
              profile={profile}
              onOpenReport={(period) => {
                setReportPeriod(period);
                setPage('reports');
              }}
              onOpenBackup={can('backup/create') ? () => navigate('backup') : undefined}
              onOpenPage={navigate}
              onOpenItem={openItem}
            />
          )}
          {page === 'assessment' && (
            <AssessmentPage key={`${profile.year}-${focus?.nonce ?? 0}`} profile={profile} focusCode={focus?.code} />
          )}
          {page === 'evidence-search' && <SearchPage key={`${profile.year}-${search.nonce}`} query={search.query} year={profile.year} onOpenItem={openItem} />}
          {page === 'evidence-verify' && <VerifyPage key={profile.year} year={profile.year} onOpenItem={openItem} />}
          {page === 'evidence-list' && <EvidenceListPage key={profile.year} year={profile.year} onOpenItem={openItem} />}
          {page === 'reports' && <ReportsPage key={`${profile.year}-${reportPeriod ?? ''}`} year={profile.year} initialPeriod={reportPeriod} onOpenItem={openItem} onOpenCriteria={() => navigate('assessment')} />}
          {page === 'review' && (
            <ReviewPage
              key={profile.year}
              year={profile.year}
              onOpenTarget={(target, subject) => {
                // Where a finding of the pre-send check is fixed.
                if (target.type === 'item') openItem(target.code);
                // A newer set version is announced and switched on the assessment page.
                else if (target.type === 'criteria') navigate('assessment');
                else if (target.type === 'section' && subject.kind === 'report') {
                  setReportPeriod(subject.key.split(':')[1] as ReportPeriodCode);
                  setPage('reports');
                }
              }}
            />
          )}
          {page === 'submission' && <SubmissionPage key={profile.year} year={profile.year} onOpenAssessment={() => navigate('assessment')} onOpenReview={() => navigate('review')} />}
          {page === 'audit' && <AuditPage />}
          {page === 'appraisal' && <AppraisalPage key={profile.year} year={profile.year} />}
          {page === 'backup' && can('backup/create') && <BackupPage />}
          {page === 'criteria' && <CriteriaPage />}
          {page === 'profile' && <ProfilePage latest={info.latestProfile} onSaved={() => void reload()} />}
          {page === 'accounts' && can('accounts/list') && <AccountsPage />}
          {page === 'plan' && <PlanPage key={profile.year} year={profile.year} />}
        </main>
      </div>
    </div>
  );
}

const PAGE_IDS: readonly PageId[] = ['home', 'assessment', 'reports', 'review', 'submission', 'audit', 'criteria', 'evidence-verify', 'evidence-search', 'backup', 'profile', 'accounts'];

function rememberedPage(): PageId | null {
  const saved = recall('page');
  // A search result page needs its query: come back to the home page instead.
  return saved && saved !== 'evidence-search' && (PAGE_IDS as readonly string[]).includes(saved) ? (saved as PageId) : null;
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
