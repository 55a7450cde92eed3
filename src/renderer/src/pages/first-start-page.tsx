import { ProfileForm } from '../components/profile-form';
import { vi } from '../i18n/vi';
import { CreateAdminForm } from './auth/create-admin-form';

/** First start in two steps: the administrator account, then the unit profile (as signed-in admin). */
export function FirstStartPage({ step, onDone }: { step: 'account' | 'profile'; onDone(): void }) {
  return (
    <main className="first-start">
      <header>
        <h1>{vi.firstStart.title}</h1>
        <p className="tagline">{vi.appTagline}</p>
        <h2>{step === 'account' ? vi.firstStart.accountStep : vi.firstStart.profileStep}</h2>
        <p>{step === 'account' ? vi.firstStart.accountIntro : vi.firstStart.intro}</p>
      </header>
      {step === 'account' ? (
        <CreateAdminForm onCreated={onDone} />
      ) : (
        <ProfileForm initial={null} defaultYear={new Date().getFullYear()} submitLabel={vi.firstStart.submit} onSaved={onDone} />
      )}
    </main>
  );
}
