import type { UnitProfile } from '../../../shared/contract/profile';
import { ProfileForm } from '../components/profile-form';
import { vi } from '../i18n/vi';

export function ProfilePage({ latest, onSaved }: { latest: UnitProfile; onSaved(): void }) {
  return (
    <section>
      <h1>{vi.profile.title}</h1>
      <ProfileForm initial={latest} defaultYear={latest.year} submitLabel={vi.profile.save} onSaved={onSaved} />
    </section>
  );
}
