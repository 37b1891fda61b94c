// The dashboard's only way to the data: the public GraphQL API on this origin (POST /graphql, JSON).

const TOKEN_KEY = 'smt.token';
const USER_KEY = 'smt.user';

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get user() {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? JSON.parse(raw) : null;
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/** Runs one operation; throws an ApiError carrying the first error's extensions.code. */
export async function gql(query, variables = {}, { tenant } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (tenant) headers['x-tenant-id'] = tenant;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The API cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered with HTTP ${response.status}.`, 'HTTP');
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
  return body.data;
}

export const LOG_IN = /* GraphQL */ `
  mutation LogIn($email: String!, $password: String!) {
    logIn(email: $email, password: $password) { token user { id name email } }
  }
`;

export const MY_TENANTS = /* GraphQL */ `
  query MyTenants {
    myTenants(first: 100) { totalCount edges { node { id name myRole } } }
  }
`;

const ASSESSMENT_SCORES = /* GraphQL */ `
  id period submittedAt overallScore stage appliedCaps
  dimensions { dimension score applicable weight }
`;

export const TENANT_DASHBOARD = /* GraphQL */ `
  query TenantDashboard {
    tenant {
      id name myRole
      profile { employeeCount departments culture market locations sector reassessmentCadenceDays }
      latestAssessment {
        ${ASSESSMENT_SCORES}
        delta
        findings { code severity dimension responsibility message recommendation }
        previous { id period dimensions { dimension score applicable } }
        outlook {
          nextStage nextStageScore pointsToNextStage blockingCaps
          cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded
        }
      }
      growth {
        totalPoints
        points(last: 20) { id period periodStart submittedAt overallScore stage }
        overallSlopePer90Days nextStage projectedNextStageAt
      }
    }
  }
`;

export const PORTFOLIO = /* GraphQL */ `
  query Portfolio {
    portfolio {
      overdueCount alertCount totalCount
      entries(first: 200) {
        tenant { id name }
        latestAssessment { overallScore stage }
        stage delta dueAt overdue weakestDimension scoreDropAlert
      }
    }
  }
`;
