import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf } from '../api/client';
import { ChangePasswordDocument, LogOutEverywhereDocument } from '../api/documents';
import { useAuth } from '../auth';
import { Field, ProblemBanner, Section } from '../components/ui';

/** The signed-in person's account: change the password, end every session. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user, signIn, signOut } = useAuth();
  const [changed, change] = useMutation(ChangePasswordDocument);
  const [ended, endAll] = useMutation(LogOutEverywhereDocument);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const problem = problemOf(changed.error);
  const onChange = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const res = await change({ currentPassword: current, newPassword: next });
    if (res.data) {
      // Every earlier token has ended: this tab goes on with the new one.
      signIn(res.data.changePassword.token, res.data.changePassword.user);
      setCurrent('');
      setNext('');
      setDone(true);
    }
  };
  const onLogOutEverywhere = async () => {
    if (!window.confirm(t('account.confirmLogOutEverywhere'))) return;
    const res = await endAll({});
    if (res.data) signOut();
  };
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="muted">{t('account.signedInAs', { name: user?.name ?? '', email: user?.email ?? '' })}</p>
      <Section title={t('account.changePassword')}>
        <form id="change-password-form" className="stack-form" onSubmit={onChange}>
          <input type="email" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
          <Field label={t('account.currentPassword')} error={problem?.fields['currentPassword'] ? t('account.wrongPassword') : null}>
            {(p) => (
              <input {...p} type="password" name="current-password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
            )}
          </Field>
          <Field label={t('account.newPassword')} hint={t('signup.passwordHint')} error={problem?.fields['newPassword']}>
            {(p) => <input {...p} type="password" name="new-password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />}
          </Field>
          <ProblemBanner problem={problem} fields={['currentPassword', 'newPassword']} />
          {done && (
            <p id="password-changed" className="banner banner-info" role="status">
              {t('account.passwordChanged')}
            </p>
          )}
          <div>
            <button type="submit" id="change-password-submit" disabled={changed.fetching}>
              {t('account.changePasswordSubmit')}
            </button>
          </div>
        </form>
      </Section>
      <Section title={t('account.sessions')}>
        <p className="muted">{t('account.sessionsIntro')}</p>
        <ProblemBanner problem={problemOf(ended.error)} />
        <button type="button" id="log-out-everywhere" className="button-danger" onClick={onLogOutEverywhere} disabled={ended.fetching}>
          {t('account.logOutEverywhere')}
        </button>
      </Section>
    </>
  );
}
