import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { CreateTenantDocument, MyTenantsDocument } from '../api/documents';
import { EMPTY_PROFILE, ProfileFields, profileInput, type ProfileDraft } from '../components/ProfileFields';
import { Field, Loading, ProblemBanner, Section } from '../components/ui';

/** The organisations the user belongs to, and a new one (as its owner, or as a consultant for a client). */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyTenantsDocument });
  const [created, create] = useMutation(CreateTenantDocument);
  const [name, setName] = useState('');
  const [asConsultant, setAsConsultant] = useState(false);
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const problem = problemOf(created.error);
  const tenants = data?.myTenants.edges.map((e) => e.node) ?? [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await create({ input: { name, asConsultant, profile: profileInput(profile) } });
    if (res.data) {
      refetch({ requestPolicy: 'network-only' });
      void navigate(`/t/${res.data.createTenant.id}/teams`);
    }
  };

  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <Section title={t('organisations.yours')}>
        {fetching && !data && <Loading />}
        <ProblemBanner problem={problemOf(error)} />
        {data && tenants.length === 0 && <p className="empty">{t('organisations.none')}</p>}
        {tenants.length > 0 && (
          <ul className="tenant-list" id="tenant-list">
            {tenants.map((tenant) => (
              <li key={tenant.id} data-tenant={tenant.id}>
                <Link to={`/t/${tenant.id}`}>{tenant.name}</Link>
                <span className="badge badge-role">{t(`enum.Role.${tenant.myRole}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('organisations.create')}>
        <form id="create-tenant-form" onSubmit={onSubmit} noValidate={false}>
          <div className="form-grid">
            <Field label={t('organisations.name')} error={problem?.fields['input.name']}>
              {(p) => <input {...p} name="name" required value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <div className="field">
              <span className="label-like" id="join-as">{t('organisations.joinAs')}</span>
              <div role="radiogroup" aria-labelledby="join-as" className="radios">
                <label className="check">
                  <input type="radio" name="joinAs" value="OWNER" checked={!asConsultant} onChange={() => setAsConsultant(false)} />
                  {t('organisations.asOwner')}
                </label>
                <label className="check">
                  <input type="radio" name="joinAs" value="CONSULTANT" checked={asConsultant} onChange={() => setAsConsultant(true)} />
                  {t('organisations.asConsultant')}
                </label>
              </div>
            </div>
          </div>
          <ProfileFields draft={profile} onChange={setProfile} errors={problem?.fields ?? {}} prefix="input.profile." />
          <ProblemBanner problem={problem} fields={Object.keys(problem?.fields ?? {})} />
          <button type="submit" disabled={created.fetching}>
            {t('organisations.submit')}
          </button>
        </form>
      </Section>
    </>
  );
}
