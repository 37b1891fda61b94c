import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { problemOf } from '../api/client';
import { AcceptInvitationDocument } from '../api/documents';
import { useAuth } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoginPage } from './LoginPage';

/**
 * `#/invitations/accept/:token` (the server sends /invitations/<token> here): someone without a session logs in or
 * signs up with the invited email first; signed in, they accept and land in the organisation.
 */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const [accepted, accept] = useMutation(AcceptInvitationDocument);
  const here = `/invitations/accept/${encodeURIComponent(token)}`;
  if (!user) return <LoginPage after={here} notice={t('invite.signInFirst')} />;
  const problem = problemOf(accepted.error);
  const onAccept = async () => {
    const res = await accept({ token });
    if (res.data) void navigate(`/t/${res.data.acceptInvitation.id}`);
  };
  return (
    <div className="login-page">
      <header className="login-head">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <main id="main" className="accept-invitation">
        <section className="card" aria-labelledby="accept-title">
          <h2 id="accept-title">{t('invite.title')}</h2>
          <p>{t('invite.intro')}</p>
          <p className="muted">{t('invite.as', { name: user.name, email: user.email })}</p>
          {problem && (
            <p id="accept-error" className="banner banner-error" role="alert">
              {problem.code === 'NOT_FOUND' || problem.code === 'FORBIDDEN' || problem.code === 'CONFLICT'
                ? t(`invite.failed.${problem.code}`)
                : t(`errors.${problem.code}`, { defaultValue: t('errors.generic') })}
            </p>
          )}
          <div className="button-row">
            <button type="button" id="accept-invitation" onClick={onAccept} disabled={accepted.fetching}>
              {t('invite.accept')}
            </button>
            <button type="button" className="button-quiet" onClick={signOut}>
              {t('invite.otherAccount')}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
