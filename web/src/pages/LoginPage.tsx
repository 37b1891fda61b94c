import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { problemOf } from '../api/client';
import { LogInDocument, SignUpDocument } from '../api/documents';
import { useAuth } from '../auth';
import { Field, ProblemBanner } from '../components/ui';
import { LanguageSwitch } from '../components/LanguageSwitch';

/**
 * Log in, or create an account: the first page of someone without a session. `after`: where to go once signed in
 * (an invitation to accept); `notice`: why they are asked.
 */
export function LoginPage({ after = '/', notice }: { after?: string; notice?: string } = {}) {
  const { t } = useTranslation();
  const { user, signIn, ended } = useAuth();
  const navigate = useNavigate();
  const [login, logIn] = useMutation(LogInDocument);
  const [signup, signUp] = useMutation(SignUpDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [newPassword, setNewPassword] = useState('');
  if (user) return <Navigate to={after} replace />;

  const onLogIn = async (e: FormEvent) => {
    e.preventDefault();
    const res = await logIn({ email, password });
    if (res.data) {
      signIn(res.data.logIn.token, res.data.logIn.user);
      void navigate(after);
    }
  };
  const onSignUp = async (e: FormEvent) => {
    e.preventDefault();
    const res = await signUp({ input: { name, email: newEmail, password: newPassword } });
    if (res.data) {
      signIn(res.data.signUp.token, res.data.signUp.user);
      void navigate(after);
    }
  };
  const loginProblem = problemOf(login.error);
  const signupProblem = problemOf(signup.error);
  const signupFields = ['input.name', 'input.email', 'input.password'];

  return (
    <div className="login-page">
      <header className="login-head">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <LanguageSwitch />
        {ended && !notice && (
          <p id="session-ended" className="banner banner-info" role="status">
            {t('account.sessionEnded')}
          </p>
        )}
        {notice && (
          <p id="login-notice" className="banner banner-info">
            {notice}
          </p>
        )}
      </header>
      <main id="main" className="login-grid">
        <form id="login-form" className="card" onSubmit={onLogIn} aria-labelledby="login-title">
          <h2 id="login-title">{t('login.title')}</h2>
          <Field label={t('login.email')}>
            {(p) => <input {...p} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label={t('login.password')}>
            {(p) => (
              <input {...p} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          {loginProblem && (
            <p id="login-error" className="banner banner-error" role="alert">
              {loginProblem.code === 'UNAUTHENTICATED' ? t('login.failed') : t(`errors.${loginProblem.code}`, { defaultValue: t('errors.generic') })}
            </p>
          )}
          <button type="submit" id="login-submit" disabled={login.fetching}>
            {t('login.submit')}
          </button>
        </form>
        <form id="signup-form" className="card" onSubmit={onSignUp} aria-labelledby="signup-title">
          <h2 id="signup-title">{t('signup.title')}</h2>
          <Field label={t('signup.name')} error={signupProblem?.fields['input.name']}>
            {(p) => <input {...p} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('signup.email')} error={signupProblem?.fields['input.email'] ?? (signupProblem?.code === 'CONFLICT' ? t('signup.taken') : null)}>
            {(p) => <input {...p} name="new-email" type="email" autoComplete="email" required value={newEmail} onChange={(e) => setNewEmail(e.target.value)} />}
          </Field>
          <Field label={t('signup.password')} hint={t('signup.passwordHint')} error={signupProblem?.fields['input.password']}>
            {(p) => (
              <input {...p} name="new-password" type="password" autoComplete="new-password" required value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
            )}
          </Field>
          {signupProblem?.code !== 'CONFLICT' && <ProblemBanner problem={signupProblem} fields={signupFields} />}
          <button type="submit" id="signup-submit" disabled={signup.fetching}>
            {t('signup.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
