import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, NavLink, Outlet, Route, Routes, useLocation, useParams } from 'react-router';
import { Provider, useQuery } from 'urql';
import { clientFor } from './api/client';
import { MyTenantsDocument } from './api/documents';
import { AuthProvider, useAuth } from './auth';
import { LanguageSwitch } from './components/LanguageSwitch';
import { isLanguage, type Language } from './i18n/language';
import { LoginPage } from './pages/LoginPage';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PortfolioPage } from './pages/PortfolioPage';
import { OverviewPage } from './pages/OverviewPage';
import { ProfilePage } from './pages/ProfilePage';
import { TeamsPage } from './pages/TeamsPage';
import { ResponsibilitiesPage } from './pages/ResponsibilitiesPage';
import { InitiativesPage } from './pages/InitiativesPage';
import { AssessPage } from './pages/AssessPage';
import { MembersPage } from './pages/MembersPage';
import { RoadmapPage } from './pages/RoadmapPage';
import { ActionsPage } from './pages/ActionsPage';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { AccountPage } from './pages/AccountPage';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { RespondPage } from './pages/RespondPage';

/** The language shown: a change re-renders the caller (react-i18next), and its urql client becomes that language's. */
function useLanguage(): Language {
  const { i18n } = useTranslation();
  const shown = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(shown) ? shown : 'en';
}

export function App() {
  const language = useLanguage();
  return (
    <AuthProvider>
      <Provider value={clientFor(null, language)}>
        <HashRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/invitations/accept/:token" element={<AcceptInvitationPage />} />
            <Route path="/respond/:token" element={<RespondPage />} />
            <Route element={<Shell />}>
              <Route index element={<OrganisationsPage />} />
              <Route path="portfolio" element={<PortfolioPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="t/:tenantId" element={<TenantArea />}>
                <Route index element={<OverviewPage />} />
                <Route path="profile" element={<ProfilePage />} />
                <Route path="teams" element={<TeamsPage />} />
                <Route path="responsibilities" element={<ResponsibilitiesPage />} />
                <Route path="initiatives" element={<InitiativesPage />} />
                <Route path="assess" element={<AssessPage />} />
                <Route path="members" element={<MembersPage />} />
                <Route path="roadmap" element={<RoadmapPage />} />
                <Route path="actions" element={<ActionsPage />} />
                <Route path="api-keys" element={<ApiKeysPage />} />
                <Route path="campaigns" element={<CampaignsPage />} />
              </Route>
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </HashRouter>
      </Provider>
    </AuthProvider>
  );
}

/** The signed-in frame: header with the user and log-out, the main navigation, and the page. */
function Shell() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    // A new page: move focus to it, as a full page load would (keyboard and screen-reader users start there).
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  if (!user) return <Navigate to="/login" replace />;
  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('nav.skip')}
      </button>
      <header className="topbar">
        <div className="brand">{t('app.name')}</div>
        <nav aria-label={t('nav.main')} className="mainnav">
          <NavLink to="/" end>
            {t('nav.organisations')}
          </NavLink>
          <NavLink to="/portfolio">{t('nav.portfolio')}</NavLink>
        </nav>
        <div className="who">
          <LanguageSwitch />
          <NavLink to="/account" id="user-name" aria-label={t('account.menu', { name: user.name })}>
            {user.name}
          </NavLink>
          <button type="button" id="log-out" className="button-quiet" onClick={signOut}>
            {t('nav.logOut')}
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/** One organisation: its own urql client (x-tenant-id), its name and sub-navigation. */
function TenantArea() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const [{ data }] = useQuery({ query: MyTenantsDocument });
  const tenant = data?.myTenants.edges.find((e) => e.node.id === tenantId)?.node;
  const managers = tenant?.myRole === 'OWNER' || tenant?.myRole === 'ADMIN';
  const pages = ['', 'profile', 'teams', 'responsibilities', 'initiatives', 'assess', 'campaigns', 'roadmap', 'actions', 'members', ...(managers ? (['api-keys'] as const) : [])] as const;
  return (
    <Provider value={clientFor(tenantId, language)}>
      <div className="tenant-head">
        <h1 id="tenant-name">{tenant?.name ?? t('common.loading')}</h1>
        {tenant && <span className="badge badge-role">{t(`enum.Role.${tenant.myRole}`)}</span>}
      </div>
      <nav aria-label={t('nav.organisation')} className="subnav">
        {pages.map((page) => (
          <NavLink key={page} to={`/t/${tenantId}${page ? `/${page}` : ''}`} end>
            {t(`nav.${page || 'overview'}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </Provider>
  );
}
