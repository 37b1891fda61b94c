import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { TenantProfileDocument, UpdateTenantProfileDocument } from '../api/documents';
import { EMPTY_PROFILE, ProfileFields, profileInput, type ProfileDraft } from '../components/ProfileFields';
import { Loading, ProblemBanner, Section } from '../components/ui';

/** The organisation's profile: what decides whether it needs a team and how Sales weighs. */
export function ProfilePage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: TenantProfileDocument });
  const [saved, save] = useMutation(UpdateTenantProfileDocument);
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [done, setDone] = useState(false);
  const profile = data?.tenant.profile;
  useEffect(() => {
    if (!profile) return;
    setDraft({
      employeeCount: String(profile.employeeCount),
      departments: profile.departments,
      culture: profile.culture,
      market: profile.market,
      locations: String(profile.locations),
      sector: profile.sector ?? '',
      reassessmentCadenceDays: String(profile.reassessmentCadenceDays),
    });
  }, [profile]);
  const problem = problemOf(saved.error);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const res = await save({ input: profileInput(draft) });
    if (res.data) setDone(true);
  };
  if (!data) return error ? <ProblemBanner problem={problemOf(error)} /> : <Loading />;
  return (
    <Section title={t('profile.title')}>
      <p className="muted">{t('profile.intro')}</p>
      <form id="profile-form" onSubmit={onSubmit}>
        <ProfileFields draft={draft} onChange={setDraft} errors={problem?.fields ?? {}} prefix="input." />
        <ProblemBanner problem={problem} fields={Object.keys(problem?.fields ?? {})} />
        {done && (
          <p className="banner banner-ok" role="status">
            {t('profile.saved')}
          </p>
        )}
        <button type="submit" disabled={saved.fetching}>
          {t('common.save')}
        </button>
      </form>
    </Section>
  );
}
