import { ProfileForm } from '../components/profile-form';
import { vi } from '../i18n/vi';

export function FirstStartPage({ onDone }: { onDone(): void }) {
  return (
    <main className="first-start">
      <header>
        <h1>{vi.firstStart.title}</h1>
        <p className="tagline">{vi.appTagline}</p>
        <p>{vi.firstStart.intro}</p>
      </header>
      <ProfileForm initial={null} defaultYear={new Date().getFullYear()} submitLabel={vi.firstStart.submit} onSaved={onDone} />
    </main>
  );
}
