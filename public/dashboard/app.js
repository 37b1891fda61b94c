// The reference dashboard: log in, pick an organisation, read its latest assessment and growth; consultants
// also see their portfolio. Everything comes from the public GraphQL API.
import { ApiError, gql, LOG_IN, MY_TENANTS, PORTFOLIO, session, TENANT_DASHBOARD } from './api.js';
import { growthChart, radarChart } from './charts.js';
import { h, mount, s } from './dom.js';
import * as fmt from './format.js';

const TENANT_KEY = 'smt.tenant';
const $ = (id) => document.getElementById(id);

const state = { tenants: [], portfolio: null, sort: { key: 'status', dir: 1 }, selected: null };

// ---- session -------------------------------------------------------------------------------------------------

function showLogin(message = '') {
  $('shell').hidden = true;
  $('login').hidden = false;
  const error = $('login-error');
  error.textContent = message;
  error.hidden = !message;
  $('email').focus();
}

async function logIn(event) {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  const error = $('login-error');
  if (!email || !password) {
    error.textContent = 'Enter your email and password.';
    error.hidden = false;
    return;
  }
  const button = $('login-submit');
  button.disabled = true;
  button.textContent = 'Signing in…';
  try {
    const { logIn: result } = await gql(LOG_IN, { email, password });
    session.save(result.token, result.user);
    $('password').value = '';
    await showApp();
  } catch (e) {
    error.textContent = e.code === 'UNAUTHENTICATED' ? 'That email and password do not match an account.' : e.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

function logOut(message = '') {
  session.clear();
  sessionStorage.removeItem(TENANT_KEY);
  state.tenants = [];
  state.portfolio = null;
  showLogin(message);
}

/** Every API call of the signed-in app goes through here: an expired token sends the user back to sign in. */
async function call(query, variables, options) {
  try {
    return await gql(query, variables, options);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
      logOut('Your session has ended. Please sign in again.');
    }
    throw e;
  }
}

function showError(message) {
  const banner = $('app-error');
  banner.textContent = message;
  banner.hidden = !message;
}

// ---- the app shell --------------------------------------------------------------------------------------------

async function showApp() {
  $('login').hidden = true;
  $('shell').hidden = false;
  showError('');
  const user = session.user;
  $('user-name').textContent = user ? user.name : '';
  mount($('tenant'), h('p', { class: 'loading' }, 'Loading your organisations…'));
  const { myTenants } = await call(MY_TENANTS);
  state.tenants = myTenants.edges.map((e) => e.node);
  renderPicker();
  if (state.tenants.some((t) => t.myRole === 'CONSULTANT')) void loadPortfolio();
  else $('portfolio').hidden = true;
  const remembered = sessionStorage.getItem(TENANT_KEY);
  const first = state.tenants.find((t) => t.id === remembered) ?? state.tenants[0];
  if (first) await selectTenant(first.id);
  else
    mount(
      $('tenant'),
      h(
        'div',
        { class: 'card empty' },
        h('h2', {}, 'No organisations yet'),
        h('p', { class: 'muted' }, 'Create one with the createTenant mutation; it will appear here.'),
      ),
    );
}

function renderPicker() {
  const picker = $('tenant-picker');
  mount(
    picker,
    state.tenants.map((t) => h('option', { value: t.id }, t.name)),
  );
  picker.disabled = state.tenants.length === 0;
}

async function selectTenant(id) {
  state.selected = id;
  sessionStorage.setItem(TENANT_KEY, id);
  $('tenant-picker').value = id;
  highlightPortfolioRow();
  const view = $('tenant');
  view.setAttribute('aria-busy', 'true');
  view.classList.add('is-loading');
  try {
    const { tenant } = await call(TENANT_DASHBOARD, {}, { tenant: id });
    if (state.selected !== id) return; // another organisation was picked meanwhile
    renderTenant(tenant);
    showError('');
  } catch (e) {
    if (e.code !== 'UNAUTHENTICATED') showError(`Could not load this organisation: ${e.message}`);
  } finally {
    view.classList.remove('is-loading');
    view.removeAttribute('aria-busy');
  }
}

// ---- one organisation -----------------------------------------------------------------------------------------

function renderTenant(tenant) {
  const latest = tenant.latestAssessment;
  const profile = tenant.profile;
  const facts = [
    `${fmt.integer(profile.employeeCount)} employees`,
    profile.market,
    `${fmt.titleCase(profile.culture)} culture`,
    fmt.plural(profile.locations, 'location'),
    fmt.plural(profile.departments.length, 'department'),
    profile.sector,
  ].filter(Boolean);
  const head = h(
    'div',
    { class: 'tenant-head' },
    h('div', {}, h('h1', { id: 'tenant-name' }, tenant.name), h('p', { class: 'muted' }, facts.join(' · '))),
    h('span', { class: `role role-${tenant.myRole}` }, fmt.titleCase(tenant.myRole)),
  );
  if (!latest) {
    mount(
      $('tenant'),
      head,
      h(
        'div',
        { class: 'card empty' },
        h('h2', {}, 'No assessment yet'),
        h(
          'p',
          { class: 'muted' },
          'Record the teams, responsibilities and initiatives, then submit the first assessment (submitAssessment).',
        ),
      ),
    );
    return;
  }
  mount(
    $('tenant'),
    head,
    statCards(tenant, latest),
    h(
      'div',
      { class: 'grid grid-radar' },
      card(
        'Dimension scores',
        latest.previous
          ? `Latest assessment ${latest.period}; dashed: ${latest.previous.period}`
          : `Latest assessment ${latest.period}`,
        h('div', { id: 'radar-chart', class: 'chart-box' }, radarChart(latest.dimensions, latest.previous?.dimensions)),
      ),
      card(
        'Growth',
        tenant.growth.totalPoints > tenant.growth.points.length
          ? `Overall score and stage over the latest ${tenant.growth.points.length} of ${fmt.plural(tenant.growth.totalPoints, 'assessment')}, in period order`
          : `Overall score and stage over ${fmt.plural(tenant.growth.points.length, 'assessment')}, in period order`,
        h('div', { id: 'growth-chart', class: 'chart-box' }, growthChart(tenant.growth.points, { ...tenant.growth, nextStageScore: latest.outlook.nextStageScore })),
      ),
    ),
    h(
      'div',
      { class: 'grid grid-findings' },
      findingsCard(latest.findings),
      card('Breakdown', 'Score and share of the overall score per dimension', dimensionTable(latest.dimensions)),
    ),
  );
}

function card(title, subtitle, ...body) {
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', {}, title), subtitle ? h('p', { class: 'muted' }, subtitle) : null),
    body,
  );
}

function statCards(tenant, latest) {
  // A copy of a domain rule (due = last submission + the cadence): the API has dueAt only on portfolio entries, not
  // on a tenant or its assessment. Remove when the tenant's dashboard query can ask for it.
  const cadence = tenant.profile.reassessmentCadenceDays;
  const dueAt = new Date(new Date(latest.submittedAt).getTime() + cadence * 86_400_000).toISOString();
  const days = fmt.daysUntil(dueAt);
  const deltaClass = latest.delta === null ? 'neutral' : latest.delta > 0 ? 'up' : latest.delta < 0 ? 'down' : 'neutral';
  const stageAt = fmt.stageIndex(latest.stage);
  return h(
    'div',
    { class: 'stats' },
    h(
      'div',
      { class: 'stat' },
      h('span', { class: 'stat-label' }, 'Overall score'),
      h('span', { class: 'stat-value', id: 'overall-score' }, fmt.score(latest.overallScore), h('small', {}, ' / 100')),
      latest.delta === null
        ? h('span', { class: 'stat-sub muted' }, 'First assessment')
        : h(
            'span',
            { class: 'stat-sub' },
            h('span', { class: `change ${deltaClass}` }, fmt.delta(latest.delta)),
            ` since ${latest.previous?.period ?? 'the previous assessment'}`,
          ),
    ),
    h(
      'div',
      { class: 'stat' },
      h('span', { class: 'stat-label' }, 'Stage'),
      h('span', { class: 'stat-value', id: 'stage' }, fmt.stageLabel(latest.stage)),
      h(
        'span',
        { class: 'ladder', 'aria-hidden': 'true' },
        fmt.STAGES.map((_, i) => h('span', { class: i <= stageAt ? 'rung on' : 'rung' })),
      ),
      stageNote(latest),
    ),
    h(
      'div',
      { class: 'stat' },
      h('span', { class: 'stat-label' }, 'Next stage'),
      h('span', { class: 'stat-value', id: 'next-stage' }, latest.outlook.nextStage ? fmt.stageLabel(latest.outlook.nextStage) : '—'),
      h('span', { class: 'stat-sub muted', id: 'next-stage-note' }, nextStageNote(tenant.growth, latest.outlook)),
    ),
    h(
      'div',
      { class: 'stat' },
      h('span', { class: 'stat-label' }, 'Last assessment'),
      h('span', { class: 'stat-value' }, latest.period),
      h(
        'span',
        { class: 'stat-sub stat-due' },
        h('span', {}, fmt.date(latest.submittedAt)),
        days < 0
          ? h('span', { class: 'badge badge-overdue' }, `Overdue ${fmt.plural(-days, 'day')}`)
          : h('span', { class: days <= fmt.DUE_SOON_DAYS ? 'badge badge-due' : 'badge badge-ok' }, `Next due ${fmt.date(dueAt)}`),
      ),
    ),
  );
}

const CAP_LABELS = {
  WEAKEST_LINK: 'the weakest dimension',
  FULLY_OUTSOURCED: 'full outsourcing',
  NO_TEAM_WHERE_NEEDED: 'the missing team',
};

/** What holds the stage back, in the API's numbers (Assessment.outlook): the capping dimension and its target. */
function stageNote(latest) {
  const o = latest.outlook;
  if (o.cappingDimension) {
    const dimension = fmt.dimensionLabel(o.cappingDimension);
    const more = o.dimensionsBelowNeeded.length - 1;
    const others = more > 0 ? ` (and ${fmt.plural(more, 'other dimension')})` : '';
    return h(
      'span',
      { class: 'stat-sub warn', id: 'stage-cap' },
      latest.appliedCaps.includes('WEAKEST_LINK')
        ? `Held back by ${dimension} at ${fmt.score(o.cappingDimensionScore)}: lift it${others} to ${fmt.score(o.dimensionScoreNeeded)}`
        : `${fmt.stageLabel(o.nextStage)} also needs ${dimension}${others} at ${fmt.score(o.dimensionScoreNeeded)} (now ${fmt.score(o.cappingDimensionScore)})`,
    );
  }
  if (o.blockingCaps.length) {
    return h(
      'span',
      { class: 'stat-sub warn', id: 'stage-cap' },
      `Held back by ${o.blockingCaps.map((c) => CAP_LABELS[c] ?? fmt.titleCase(c)).join(' and ')}`,
    );
  }
  const at = fmt.stageIndex(latest.stage);
  return h('span', { class: 'stat-sub muted' }, `Stage ${at + 1} of 6 toward a Social Business`);
}

function nextStageNote(growth, outlook) {
  if (!outlook.nextStage) return 'Converged: a Social Business';
  const target = `at ${fmt.score(outlook.nextStageScore)} overall`;
  if (outlook.pointsToNextStage === 0) {
    return outlook.blockingCaps.length ? `Score reached (${target}); the cap must be lifted` : `Reached ${target}`;
  }
  const toGo = `${fmt.score(outlook.pointsToNextStage)} points to go, ${target}`;
  const trend = growth.overallSlopePer90Days;
  if (growth.projectedNextStageAt && growth.nextStage === outlook.nextStage)
    return `${toGo}; projected ${fmt.month(growth.projectedNextStageAt)} at ${fmt.delta(trend)} a quarter`;
  return trend !== null && trend <= 0 ? `${toGo}; no rising trend (${fmt.delta(trend)} a quarter)` : toGo;
}

/** Findings of the same rule (one per uncovered responsibility, say) are shown as one item that opens up. */
function groupByCode(sorted) {
  const groups = new Map();
  for (const f of sorted) {
    if (!groups.has(f.code)) groups.set(f.code, []);
    groups.get(f.code).push(f);
  }
  return [...groups.values()];
}

function findingDetail(f) {
  return [
    h('p', { class: 'finding-message' }, f.message),
    h('p', { class: 'finding-recommendation' }, h('strong', {}, 'Recommendation '), f.recommendation),
  ];
}

function findingsCard(findings) {
  const rank = (f) => fmt.SEVERITIES.indexOf(f.severity);
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b));
  const counts = fmt.SEVERITIES.map((sev) => [sev, sorted.filter((f) => f.severity === sev).length]).filter(([, n]) => n);
  return h(
    'section',
    { class: 'card' },
    h(
      'header',
      { class: 'card-head' },
      h('h2', {}, 'Findings'),
      h(
        'div',
        { class: 'chips' },
        counts.map(([sev, n]) => h('span', { class: `pill sev-${sev}` }, `${n} ${fmt.titleCase(sev)}`)),
      ),
      h(
        'p',
        { class: 'muted' },
        sorted.length ? 'Most severe first, each with what to do about it' : 'No rule of the model fired',
      ),
    ),
    sorted.length
      ? h(
          'ol',
          { id: 'findings', class: 'findings' },
          groupByCode(sorted).map(([first, ...more]) =>
            h(
              'li',
              {
                class: `finding sev-border-${first.severity}`,
                dataset: { severity: first.severity, code: first.code, count: String(more.length + 1) },
              },
              h(
                'div',
                { class: 'finding-head' },
                h('span', { class: `pill sev-${first.severity}` }, fmt.titleCase(first.severity)),
                h('span', { class: 'finding-title' }, fmt.titleCase(first.code)),
                more.length ? h('span', { class: 'finding-count' }, `× ${more.length + 1}`) : null,
                first.dimension ? h('span', { class: 'finding-dimension' }, fmt.dimensionLabel(first.dimension)) : null,
              ),
              findingDetail(first),
              more.length
                ? h(
                    'details',
                    { class: 'finding-more' },
                    h('summary', {}, `${fmt.plural(more.length, 'more finding')} of this kind`),
                    more.map((f) => h('div', { class: 'finding-more-item' }, findingDetail(f))),
                  )
                : null,
              // A closed <details> prints nothing: paper gets the same findings laid out open.
              more.length
                ? h('div', { class: 'print-only' }, more.map((f) => h('div', { class: 'finding-more-item' }, findingDetail(f))))
                : null,
            ),
          ),
        )
      : h('p', { id: 'findings', class: 'empty-line muted' }, 'Nothing to fix: keep it up.'),
  );
}

function dimensionTable(dimensions) {
  return h(
    'table',
    { class: 'breakdown' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Dimension'), h('th', {}, 'Score'), h('th', { class: 'num' }, 'Weight'))),
    h(
      'tbody',
      {},
      dimensions.map((d) =>
        h(
          'tr',
          { class: d.applicable ? '' : 'na' },
          h('td', {}, fmt.dimensionLabel(d.dimension)),
          h(
            'td',
            { class: 'bar-cell' },
            s(
              'svg',
              { class: 'bar', viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
              s('rect', { class: 'bar-track', width: 100, height: 8, rx: 4 }),
              d.applicable ? s('rect', { class: 'bar-fill', width: Math.max(0, Math.min(100, d.score ?? 0)), height: 8, rx: 4 }) : null,
            ),
            h('span', { class: 'bar-value' }, d.applicable ? fmt.score(d.score) : 'n/a'),
          ),
          h('td', { class: 'num' }, d.applicable ? `${fmt.score(d.weight * 100)}%` : '—'),
        ),
      ),
    ),
  );
}

// ---- the consultant's portfolio -------------------------------------------------------------------------------

/** A client's status, most urgent first: overdue, a score drop of 10+ points, not assessed, due soon, on track. */
function statusOf(entry) {
  if (!entry.latestAssessment) return { rank: 2, label: 'Not assessed', cls: 'badge-none' };
  if (entry.overdue) return { rank: 0, label: 'Overdue', cls: 'badge-overdue' };
  if (entry.scoreDropAlert) return { rank: 1, label: 'Score dropped', cls: 'badge-alert' };
  const days = entry.dueAt ? fmt.daysUntil(entry.dueAt) : Infinity;
  // DUE_SOON_DAYS is the dashboard's own threshold: the API has no "due soon" field yet.
  if (days <= fmt.DUE_SOON_DAYS) return { rank: 3, label: `Due in ${fmt.plural(Math.max(days, 0), 'day')}`, cls: 'badge-due' };
  return { rank: 4, label: 'On track', cls: 'badge-ok' };
}

const SORTS = {
  name: (e) => e.tenant.name.toLowerCase(),
  score: (e) => e.latestAssessment?.overallScore ?? -1,
  stage: (e) => fmt.stageIndex(e.stage),
  delta: (e) => e.delta ?? 0,
  weakest: (e) => fmt.dimensionLabel(e.weakestDimension ?? ''),
  due: (e) => (e.dueAt ? new Date(e.dueAt).getTime() : Infinity),
  status: (e) => statusOf(e).rank * 1e13 + (e.dueAt ? new Date(e.dueAt).getTime() : 0),
};

async function loadPortfolio() {
  const section = $('portfolio');
  section.hidden = false;
  mount(section, h('p', { class: 'loading' }, 'Loading your portfolio…'));
  try {
    const { portfolio } = await call(PORTFOLIO);
    state.portfolio = portfolio;
    renderPortfolio();
  } catch (e) {
    if (e.code !== 'UNAUTHENTICATED')
      mount(section, h('p', { class: 'banner error' }, `The portfolio could not be loaded: ${e.message}`));
  }
}

function renderPortfolio() {
  // Counts come from the API (the whole portfolio), not from counting the rows here.
  const { entries, overdueCount, alertCount: drops } = state.portfolio;
  const { key, dir } = state.sort;
  const sorted = [...entries].sort((a, b) => {
    const [x, y] = [SORTS[key](a), SORTS[key](b)];
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.tenant.name.localeCompare(b.tenant.name);
  });
  const header = (label, sortKey, cls = '') =>
    h(
      'th',
      { class: cls, 'aria-sort': key === sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none' },
      h(
        'button',
        {
          type: 'button',
          class: `sort ${key === sortKey ? 'active' : ''}`,
          onclick: () => {
            state.sort = { key: sortKey, dir: key === sortKey ? -dir : 1 };
            renderPortfolio();
          },
        },
        label,
        key === sortKey ? (dir > 0 ? ' ▲' : ' ▼') : '',
      ),
    );
  mount(
    $('portfolio'),
    h(
      'header',
      { class: 'card-head portfolio-head' },
      h('div', {}, h('h2', { id: 'portfolio-title' }, 'Portfolio'), h('p', { class: 'muted' }, 'Every client where you are the consultant')),
      h(
        'div',
        { class: 'summary' },
        summaryTile(fmt.integer(entries.length), entries.length === 1 ? 'client' : 'clients'),
        summaryTile(fmt.integer(overdueCount), 'overdue', overdueCount ? 'alert' : ''),
        summaryTile(fmt.integer(drops), drops === 1 ? 'score drop' : 'score drops', drops ? 'alert' : ''),
      ),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { id: 'portfolio-table', class: 'portfolio-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            header('Client', 'name'),
            header('Score', 'score', 'num'),
            header('Stage', 'stage'),
            header('Change', 'delta', 'num'),
            header('Weakest dimension', 'weakest'),
            header('Next due', 'due'),
            header('Status', 'status'),
          ),
        ),
        h(
          'tbody',
          {},
          sorted.map((e) => {
            const status = statusOf(e);
            const deltaClass = e.delta === null ? 'neutral' : e.delta > 0 ? 'up' : e.delta < 0 ? 'down' : 'neutral';
            return h(
              'tr',
              {
                class: e.tenant.id === state.selected ? 'selected' : '',
                dataset: { tenant: e.tenant.id },
                tabindex: 0,
                onclick: () => void selectTenant(e.tenant.id),
                onkeydown: (event) => {
                  if (event.key === 'Enter') void selectTenant(e.tenant.id);
                },
              },
              h('td', { class: 'client', 'data-label': 'Client' }, e.tenant.name),
              h('td', { class: 'num strong', 'data-label': 'Score' }, fmt.score(e.latestAssessment?.overallScore)),
              h('td', { 'data-label': 'Stage' }, e.stage ? h('span', { class: `stage-pill stage-bg-${e.stage}` }, fmt.stageLabel(e.stage)) : '—'),
              h(
                'td',
                { class: 'num', 'data-label': 'Change' },
                h('span', {}, h('span', { class: `change ${deltaClass}` }, fmt.delta(e.delta)),
                e.scoreDropAlert ? h('span', { class: 'badge badge-drop', title: 'The score dropped by 10 points or more' }, 'Drop') : null),
              ),
              h('td', { 'data-label': 'Weakest' }, e.weakestDimension ? fmt.dimensionLabel(e.weakestDimension) : '—'),
              h('td', { 'data-label': 'Next due' }, fmt.date(e.dueAt)),
              h('td', { 'data-label': 'Status' }, h('span', { class: `badge ${status.cls}` }, status.label)),
            );
          }),
        ),
      ),
    ),
  );
}

function summaryTile(value, label, cls = '') {
  return h('div', { class: `tile ${cls}` }, h('span', { class: 'tile-value' }, value), h('span', { class: 'tile-label' }, label));
}

function highlightPortfolioRow() {
  for (const row of document.querySelectorAll('#portfolio-table tbody tr')) {
    row.classList.toggle('selected', row.dataset.tenant === state.selected);
  }
}

// ---- start ----------------------------------------------------------------------------------------------------

$('login-form').addEventListener('submit', (e) => void logIn(e));
$('log-out').addEventListener('click', () => logOut());
$('tenant-picker').addEventListener('change', (e) => void selectTenant(e.target.value));

if (session.token) showApp().catch((e) => e.code !== 'UNAUTHENTICATED' && showError(e.message));
else showLogin();
