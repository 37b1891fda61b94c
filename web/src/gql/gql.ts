/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) { token user { id name email } }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token user { id name email } }\n  }\n": typeof types.SignUpDocument,
    "\n  query MyTenants {\n    myTenants(first: 100) { totalCount edges { node { id name myRole } } }\n  }\n": typeof types.MyTenantsDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { id name myRole }\n  }\n": typeof types.CreateTenantDocument,
    "\n  query TenantOverview {\n    tenant {\n      id name myRole\n      profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n      latestAssessment {\n        id period periodStart submittedAt overallScore stage bandStage appliedCaps delta\n        dimensions { dimension score applicable weight }\n        findings { code severity dimension responsibility failureFactor message recommendation }\n        outlook {\n          stage nextStage nextStageScore pointsToNextStage blockingCaps\n          cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded\n        }\n        previous {\n          id period overallScore stage\n          dimensions { dimension score applicable }\n          findings { code severity dimension responsibility failureFactor message }\n        }\n      }\n      growth {\n        totalPoints overallSlopePer90Days nextStage projectedNextStageAt\n        points(last: 20) { id period periodStart overallScore stage }\n      }\n    }\n    benchmark {\n      sizeBand source minimumPeers peerCount quarter ownScore\n      release { p25 p50 p75 epsilon releasedAt }\n      survey {\n        title year respondents\n        selfRated { beginner intermediate advanced }\n        satisfaction { notAtAll somewhat satisfied highlySatisfied }\n      }\n    }\n  }\n": typeof types.TenantOverviewDocument,
    "\n  query TenantProfile {\n    tenant { id name myRole profile { employeeCount departments culture market locations sector reassessmentCadenceDays } }\n  }\n": typeof types.TenantProfileDocument,
    "\n  mutation UpdateTenantProfile($input: TenantProfileInput!) {\n    updateTenantProfile(input: $input) {\n      id profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n    }\n  }\n": typeof types.UpdateTenantProfileDocument,
    "\n  query Teams {\n    tenant {\n      id myRole profile { departments }\n      teams { id name version members { id teamId name department external insight experience affinity } }\n    }\n  }\n": typeof types.TeamsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { id name version } }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) { updateTeam(input: $input) { id name version } }\n": typeof types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) { deleteTeam(id: $id, expectedVersion: $expectedVersion) }\n": typeof types.DeleteTeamDocument,
    "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n": typeof types.UpdateTeamMemberDocument,
    "\n  mutation RemoveTeamMember($id: ID!) { removeTeamMember(id: $id) }\n": typeof types.RemoveTeamMemberDocument,
    "\n  query Responsibilities {\n    tenant {\n      id myRole profile { departments }\n      responsibilities { responsibility ownerKind department member { id name } updatedAt }\n      unownedResponsibilities\n      teams { id name members { id name department external } }\n    }\n  }\n": typeof types.ResponsibilitiesDocument,
    "\n  mutation AssignResponsibility($input: AssignResponsibilityInput!) {\n    assignResponsibility(input: $input) { responsibility ownerKind department member { id name } updatedAt }\n  }\n": typeof types.AssignResponsibilityDocument,
    "\n  mutation UnassignResponsibility($responsibility: Responsibility!) { unassignResponsibility(responsibility: $responsibility) }\n": typeof types.UnassignResponsibilityDocument,
    "\n  query Initiatives($after: String) {\n    initiatives(first: 50, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n      }\n    }\n  }\n": typeof types.InitiativesDocument,
    "\n  query Initiative($id: ID!) {\n    initiative(id: $id) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n": typeof types.InitiativeDocument,
    "\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n": typeof types.CreateInitiativeDocument,
    "\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n": typeof types.UpdateInitiativeDocument,
    "\n  mutation DeleteInitiative($id: ID!, $expectedVersion: Int!) { deleteInitiative(id: $id, expectedVersion: $expectedVersion) }\n": typeof types.DeleteInitiativeDocument,
    "\n  query Members {\n    tenant { id myRole members(first: 100) { totalCount edges { node { role createdAt user { id name email } } } } }\n  }\n": typeof types.MembersDocument,
    "\n  mutation RemoveMembership($userId: ID!) { removeMembership(userId: $userId) }\n": typeof types.RemoveMembershipDocument,
    "\n  query ScorePreview($answers: AssessmentAnswersInput!) {\n    scorePreview(answers: $answers) {\n      overallScore stage\n      dimensions { dimension score applicable }\n      outlook { nextStage pointsToNextStage cappingDimension }\n      previous { period overallScore }\n    }\n  }\n": typeof types.ScorePreviewDocument,
    "\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) { id period overallScore stage }\n  }\n": typeof types.SubmitAssessmentDocument,
    "\n  query Portfolio($sort: PortfolioSort!, $filter: PortfolioFilter, $first: Int, $after: String) {\n    portfolio(sort: $sort, filter: $filter) {\n      totalCount overdueCount alertCount\n      pageInfo { endCursor hasNextPage }\n      entries(first: $first, after: $after) {\n        tenant { id name }\n        overallScore stage delta dueAt overdue weakestDimension scoreDropAlert\n        openCampaign { id period closesAt invitedCount responseCount }\n      }\n    }\n  }\n": typeof types.PortfolioDocument,
    "\n  query Roadmap {\n    tenant {\n      id myRole profile { departments }\n      target { stage dueAt }\n      roadmap {\n        targetStage reachesTarget\n        basedOn { id period overallScore stage }\n        steps { move responsibility department description overallScore stage clearsFindings }\n      }\n      teams { id name members { id name } }\n    }\n  }\n": typeof types.RoadmapDocument,
    "\n  mutation SetTarget($input: SetTargetInput!) { setTarget(input: $input) { stage dueAt } }\n": typeof types.SetTargetDocument,
    "\n  query Actions {\n    tenant {\n      id myRole profile { departments }\n      teams { id name members { id name } }\n      actions(first: 100) {\n        totalCount\n        edges {\n          node { id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version }\n        }\n      }\n    }\n  }\n": typeof types.ActionsDocument,
    "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id title move responsibility department status version }\n  }\n": typeof types.CreateActionDocument,
    "\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) {\n      id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version\n    }\n  }\n": typeof types.UpdateActionDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteMember($email: String!, $role: Role!) {\n    inviteMember(email: $email, role: $role) { id email role createdAt expiresAt acceptedAt revokedAt token }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id name myRole }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token user { id name email } }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n": typeof types.LogOutEverywhereDocument,
    "\n  query Campaigns {\n    tenant {\n      id myRole profile { departments }\n      campaigns(first: 50) {\n        totalCount\n        edges { node { id period status closesAt createdAt endedAt minResponses invitedCount responseCount version } }\n      }\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id period status closesAt createdAt endedAt minResponses invitedCount responseCount version answeredByMe\n      assessment { id overallScore stage }\n      items { item value responses disagreement contested distribution { value count } }\n      departments { department responses items { item value responses disagreement contested } }\n    }\n  }\n": typeof types.CampaignDocument,
    "\n  mutation OpenCampaign($input: OpenCampaignInput!) {\n    openCampaign(input: $input) { id period status closesAt minResponses invitedCount responseCount version }\n  }\n": typeof types.OpenCampaignDocument,
    "\n  mutation InviteRespondents($campaignId: ID!, $respondents: [RespondentInput!]!) {\n    inviteRespondents(campaignId: $campaignId, respondents: $respondents) { email department external mailed token }\n  }\n": typeof types.InviteRespondentsDocument,
    "\n  mutation CloseCampaign($id: ID!, $expectedVersion: Int!) {\n    closeCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version assessment { id overallScore stage } }\n  }\n": typeof types.CloseCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!, $expectedVersion: Int!) {\n    cancelCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version }\n  }\n": typeof types.CancelCampaignDocument,
    "\n  query RespondentCampaign($token: String!) {\n    respondentCampaign(token: $token) { organisationName period closesAt open answered }\n  }\n": typeof types.RespondentCampaignDocument,
    "\n  mutation SubmitCampaignResponse($token: String!, $answers: AssessmentAnswersInput!) {\n    submitCampaignResponse(token: $token, answers: $answers)\n  }\n": typeof types.SubmitCampaignResponseDocument,
    "\n  mutation RespondToCampaign($campaignId: ID!, $answers: AssessmentAnswersInput!, $department: Department!) {\n    respondToCampaign(campaignId: $campaignId, answers: $answers, department: $department)\n  }\n": typeof types.RespondToCampaignDocument,
};
const documents: Documents = {
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) { token user { id name email } }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token user { id name email } }\n  }\n": types.SignUpDocument,
    "\n  query MyTenants {\n    myTenants(first: 100) { totalCount edges { node { id name myRole } } }\n  }\n": types.MyTenantsDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { id name myRole }\n  }\n": types.CreateTenantDocument,
    "\n  query TenantOverview {\n    tenant {\n      id name myRole\n      profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n      latestAssessment {\n        id period periodStart submittedAt overallScore stage bandStage appliedCaps delta\n        dimensions { dimension score applicable weight }\n        findings { code severity dimension responsibility failureFactor message recommendation }\n        outlook {\n          stage nextStage nextStageScore pointsToNextStage blockingCaps\n          cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded\n        }\n        previous {\n          id period overallScore stage\n          dimensions { dimension score applicable }\n          findings { code severity dimension responsibility failureFactor message }\n        }\n      }\n      growth {\n        totalPoints overallSlopePer90Days nextStage projectedNextStageAt\n        points(last: 20) { id period periodStart overallScore stage }\n      }\n    }\n    benchmark {\n      sizeBand source minimumPeers peerCount quarter ownScore\n      release { p25 p50 p75 epsilon releasedAt }\n      survey {\n        title year respondents\n        selfRated { beginner intermediate advanced }\n        satisfaction { notAtAll somewhat satisfied highlySatisfied }\n      }\n    }\n  }\n": types.TenantOverviewDocument,
    "\n  query TenantProfile {\n    tenant { id name myRole profile { employeeCount departments culture market locations sector reassessmentCadenceDays } }\n  }\n": types.TenantProfileDocument,
    "\n  mutation UpdateTenantProfile($input: TenantProfileInput!) {\n    updateTenantProfile(input: $input) {\n      id profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n    }\n  }\n": types.UpdateTenantProfileDocument,
    "\n  query Teams {\n    tenant {\n      id myRole profile { departments }\n      teams { id name version members { id teamId name department external insight experience affinity } }\n    }\n  }\n": types.TeamsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { id name version } }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) { updateTeam(input: $input) { id name version } }\n": types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) { deleteTeam(id: $id, expectedVersion: $expectedVersion) }\n": types.DeleteTeamDocument,
    "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n": types.UpdateTeamMemberDocument,
    "\n  mutation RemoveTeamMember($id: ID!) { removeTeamMember(id: $id) }\n": types.RemoveTeamMemberDocument,
    "\n  query Responsibilities {\n    tenant {\n      id myRole profile { departments }\n      responsibilities { responsibility ownerKind department member { id name } updatedAt }\n      unownedResponsibilities\n      teams { id name members { id name department external } }\n    }\n  }\n": types.ResponsibilitiesDocument,
    "\n  mutation AssignResponsibility($input: AssignResponsibilityInput!) {\n    assignResponsibility(input: $input) { responsibility ownerKind department member { id name } updatedAt }\n  }\n": types.AssignResponsibilityDocument,
    "\n  mutation UnassignResponsibility($responsibility: Responsibility!) { unassignResponsibility(responsibility: $responsibility) }\n": types.UnassignResponsibilityDocument,
    "\n  query Initiatives($after: String) {\n    initiatives(first: 50, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n      }\n    }\n  }\n": types.InitiativesDocument,
    "\n  query Initiative($id: ID!) {\n    initiative(id: $id) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n": types.InitiativeDocument,
    "\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n": types.CreateInitiativeDocument,
    "\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n": types.UpdateInitiativeDocument,
    "\n  mutation DeleteInitiative($id: ID!, $expectedVersion: Int!) { deleteInitiative(id: $id, expectedVersion: $expectedVersion) }\n": types.DeleteInitiativeDocument,
    "\n  query Members {\n    tenant { id myRole members(first: 100) { totalCount edges { node { role createdAt user { id name email } } } } }\n  }\n": types.MembersDocument,
    "\n  mutation RemoveMembership($userId: ID!) { removeMembership(userId: $userId) }\n": types.RemoveMembershipDocument,
    "\n  query ScorePreview($answers: AssessmentAnswersInput!) {\n    scorePreview(answers: $answers) {\n      overallScore stage\n      dimensions { dimension score applicable }\n      outlook { nextStage pointsToNextStage cappingDimension }\n      previous { period overallScore }\n    }\n  }\n": types.ScorePreviewDocument,
    "\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) { id period overallScore stage }\n  }\n": types.SubmitAssessmentDocument,
    "\n  query Portfolio($sort: PortfolioSort!, $filter: PortfolioFilter, $first: Int, $after: String) {\n    portfolio(sort: $sort, filter: $filter) {\n      totalCount overdueCount alertCount\n      pageInfo { endCursor hasNextPage }\n      entries(first: $first, after: $after) {\n        tenant { id name }\n        overallScore stage delta dueAt overdue weakestDimension scoreDropAlert\n        openCampaign { id period closesAt invitedCount responseCount }\n      }\n    }\n  }\n": types.PortfolioDocument,
    "\n  query Roadmap {\n    tenant {\n      id myRole profile { departments }\n      target { stage dueAt }\n      roadmap {\n        targetStage reachesTarget\n        basedOn { id period overallScore stage }\n        steps { move responsibility department description overallScore stage clearsFindings }\n      }\n      teams { id name members { id name } }\n    }\n  }\n": types.RoadmapDocument,
    "\n  mutation SetTarget($input: SetTargetInput!) { setTarget(input: $input) { stage dueAt } }\n": types.SetTargetDocument,
    "\n  query Actions {\n    tenant {\n      id myRole profile { departments }\n      teams { id name members { id name } }\n      actions(first: 100) {\n        totalCount\n        edges {\n          node { id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version }\n        }\n      }\n    }\n  }\n": types.ActionsDocument,
    "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id title move responsibility department status version }\n  }\n": types.CreateActionDocument,
    "\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) {\n      id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version\n    }\n  }\n": types.UpdateActionDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteMember($email: String!, $role: Role!) {\n    inviteMember(email: $email, role: $role) { id email role createdAt expiresAt acceptedAt revokedAt token }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { id revokedAt }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id name myRole }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token user { id name email } }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n": types.LogOutEverywhereDocument,
    "\n  query Campaigns {\n    tenant {\n      id myRole profile { departments }\n      campaigns(first: 50) {\n        totalCount\n        edges { node { id period status closesAt createdAt endedAt minResponses invitedCount responseCount version } }\n      }\n    }\n  }\n": types.CampaignsDocument,
    "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id period status closesAt createdAt endedAt minResponses invitedCount responseCount version answeredByMe\n      assessment { id overallScore stage }\n      items { item value responses disagreement contested distribution { value count } }\n      departments { department responses items { item value responses disagreement contested } }\n    }\n  }\n": types.CampaignDocument,
    "\n  mutation OpenCampaign($input: OpenCampaignInput!) {\n    openCampaign(input: $input) { id period status closesAt minResponses invitedCount responseCount version }\n  }\n": types.OpenCampaignDocument,
    "\n  mutation InviteRespondents($campaignId: ID!, $respondents: [RespondentInput!]!) {\n    inviteRespondents(campaignId: $campaignId, respondents: $respondents) { email department external mailed token }\n  }\n": types.InviteRespondentsDocument,
    "\n  mutation CloseCampaign($id: ID!, $expectedVersion: Int!) {\n    closeCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version assessment { id overallScore stage } }\n  }\n": types.CloseCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!, $expectedVersion: Int!) {\n    cancelCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version }\n  }\n": types.CancelCampaignDocument,
    "\n  query RespondentCampaign($token: String!) {\n    respondentCampaign(token: $token) { organisationName period closesAt open answered }\n  }\n": types.RespondentCampaignDocument,
    "\n  mutation SubmitCampaignResponse($token: String!, $answers: AssessmentAnswersInput!) {\n    submitCampaignResponse(token: $token, answers: $answers)\n  }\n": types.SubmitCampaignResponseDocument,
    "\n  mutation RespondToCampaign($campaignId: ID!, $answers: AssessmentAnswersInput!, $department: Department!) {\n    respondToCampaign(campaignId: $campaignId, answers: $answers, department: $department)\n  }\n": types.RespondToCampaignDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) { token user { id name email } }\n  }\n"): (typeof documents)["\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) { token user { id name email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token user { id name email } }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token user { id name email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTenants {\n    myTenants(first: 100) { totalCount edges { node { id name myRole } } }\n  }\n"): (typeof documents)["\n  query MyTenants {\n    myTenants(first: 100) { totalCount edges { node { id name myRole } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { id name myRole }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { id name myRole }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantOverview {\n    tenant {\n      id name myRole\n      profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n      latestAssessment {\n        id period periodStart submittedAt overallScore stage bandStage appliedCaps delta\n        dimensions { dimension score applicable weight }\n        findings { code severity dimension responsibility failureFactor message recommendation }\n        outlook {\n          stage nextStage nextStageScore pointsToNextStage blockingCaps\n          cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded\n        }\n        previous {\n          id period overallScore stage\n          dimensions { dimension score applicable }\n          findings { code severity dimension responsibility failureFactor message }\n        }\n      }\n      growth {\n        totalPoints overallSlopePer90Days nextStage projectedNextStageAt\n        points(last: 20) { id period periodStart overallScore stage }\n      }\n    }\n    benchmark {\n      sizeBand source minimumPeers peerCount quarter ownScore\n      release { p25 p50 p75 epsilon releasedAt }\n      survey {\n        title year respondents\n        selfRated { beginner intermediate advanced }\n        satisfaction { notAtAll somewhat satisfied highlySatisfied }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantOverview {\n    tenant {\n      id name myRole\n      profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n      latestAssessment {\n        id period periodStart submittedAt overallScore stage bandStage appliedCaps delta\n        dimensions { dimension score applicable weight }\n        findings { code severity dimension responsibility failureFactor message recommendation }\n        outlook {\n          stage nextStage nextStageScore pointsToNextStage blockingCaps\n          cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded\n        }\n        previous {\n          id period overallScore stage\n          dimensions { dimension score applicable }\n          findings { code severity dimension responsibility failureFactor message }\n        }\n      }\n      growth {\n        totalPoints overallSlopePer90Days nextStage projectedNextStageAt\n        points(last: 20) { id period periodStart overallScore stage }\n      }\n    }\n    benchmark {\n      sizeBand source minimumPeers peerCount quarter ownScore\n      release { p25 p50 p75 epsilon releasedAt }\n      survey {\n        title year respondents\n        selfRated { beginner intermediate advanced }\n        satisfaction { notAtAll somewhat satisfied highlySatisfied }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantProfile {\n    tenant { id name myRole profile { employeeCount departments culture market locations sector reassessmentCadenceDays } }\n  }\n"): (typeof documents)["\n  query TenantProfile {\n    tenant { id name myRole profile { employeeCount departments culture market locations sector reassessmentCadenceDays } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantProfile($input: TenantProfileInput!) {\n    updateTenantProfile(input: $input) {\n      id profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenantProfile($input: TenantProfileInput!) {\n    updateTenantProfile(input: $input) {\n      id profile { employeeCount departments culture market locations sector reassessmentCadenceDays }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams {\n    tenant {\n      id myRole profile { departments }\n      teams { id name version members { id teamId name department external insight experience affinity } }\n    }\n  }\n"): (typeof documents)["\n  query Teams {\n    tenant {\n      id myRole profile { departments }\n      teams { id name version members { id teamId name department external insight experience affinity } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { id name version } }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { id name version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($input: UpdateTeamInput!) { updateTeam(input: $input) { id name version } }\n"): (typeof documents)["\n  mutation UpdateTeam($input: UpdateTeamInput!) { updateTeam(input: $input) { id name version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) { deleteTeam(id: $id, expectedVersion: $expectedVersion) }\n"): (typeof documents)["\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) { deleteTeam(id: $id, expectedVersion: $expectedVersion) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n"): (typeof documents)["\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n"): (typeof documents)["\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) { id teamId name department external insight experience affinity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($id: ID!) { removeTeamMember(id: $id) }\n"): (typeof documents)["\n  mutation RemoveTeamMember($id: ID!) { removeTeamMember(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Responsibilities {\n    tenant {\n      id myRole profile { departments }\n      responsibilities { responsibility ownerKind department member { id name } updatedAt }\n      unownedResponsibilities\n      teams { id name members { id name department external } }\n    }\n  }\n"): (typeof documents)["\n  query Responsibilities {\n    tenant {\n      id myRole profile { departments }\n      responsibilities { responsibility ownerKind department member { id name } updatedAt }\n      unownedResponsibilities\n      teams { id name members { id name department external } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignResponsibility($input: AssignResponsibilityInput!) {\n    assignResponsibility(input: $input) { responsibility ownerKind department member { id name } updatedAt }\n  }\n"): (typeof documents)["\n  mutation AssignResponsibility($input: AssignResponsibilityInput!) {\n    assignResponsibility(input: $input) { responsibility ownerKind department member { id name } updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignResponsibility($responsibility: Responsibility!) { unassignResponsibility(responsibility: $responsibility) }\n"): (typeof documents)["\n  mutation UnassignResponsibility($responsibility: Responsibility!) { unassignResponsibility(responsibility: $responsibility) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Initiatives($after: String) {\n    initiatives(first: 50, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Initiatives($after: String) {\n    initiatives(first: 50, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Initiative($id: ID!) {\n    initiative(id: $id) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n"): (typeof documents)["\n  query Initiative($id: ID!) {\n    initiative(id: $id) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n"): (typeof documents)["\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n"): (typeof documents)["\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInitiative($id: ID!, $expectedVersion: Int!) { deleteInitiative(id: $id, expectedVersion: $expectedVersion) }\n"): (typeof documents)["\n  mutation DeleteInitiative($id: ID!, $expectedVersion: Int!) { deleteInitiative(id: $id, expectedVersion: $expectedVersion) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    tenant { id myRole members(first: 100) { totalCount edges { node { role createdAt user { id name email } } } } }\n  }\n"): (typeof documents)["\n  query Members {\n    tenant { id myRole members(first: 100) { totalCount edges { node { role createdAt user { id name email } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMembership($userId: ID!) { removeMembership(userId: $userId) }\n"): (typeof documents)["\n  mutation RemoveMembership($userId: ID!) { removeMembership(userId: $userId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScorePreview($answers: AssessmentAnswersInput!) {\n    scorePreview(answers: $answers) {\n      overallScore stage\n      dimensions { dimension score applicable }\n      outlook { nextStage pointsToNextStage cappingDimension }\n      previous { period overallScore }\n    }\n  }\n"): (typeof documents)["\n  query ScorePreview($answers: AssessmentAnswersInput!) {\n    scorePreview(answers: $answers) {\n      overallScore stage\n      dimensions { dimension score applicable }\n      outlook { nextStage pointsToNextStage cappingDimension }\n      previous { period overallScore }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) { id period overallScore stage }\n  }\n"): (typeof documents)["\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) { id period overallScore stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portfolio($sort: PortfolioSort!, $filter: PortfolioFilter, $first: Int, $after: String) {\n    portfolio(sort: $sort, filter: $filter) {\n      totalCount overdueCount alertCount\n      pageInfo { endCursor hasNextPage }\n      entries(first: $first, after: $after) {\n        tenant { id name }\n        overallScore stage delta dueAt overdue weakestDimension scoreDropAlert\n        openCampaign { id period closesAt invitedCount responseCount }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Portfolio($sort: PortfolioSort!, $filter: PortfolioFilter, $first: Int, $after: String) {\n    portfolio(sort: $sort, filter: $filter) {\n      totalCount overdueCount alertCount\n      pageInfo { endCursor hasNextPage }\n      entries(first: $first, after: $after) {\n        tenant { id name }\n        overallScore stage delta dueAt overdue weakestDimension scoreDropAlert\n        openCampaign { id period closesAt invitedCount responseCount }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roadmap {\n    tenant {\n      id myRole profile { departments }\n      target { stage dueAt }\n      roadmap {\n        targetStage reachesTarget\n        basedOn { id period overallScore stage }\n        steps { move responsibility department description overallScore stage clearsFindings }\n      }\n      teams { id name members { id name } }\n    }\n  }\n"): (typeof documents)["\n  query Roadmap {\n    tenant {\n      id myRole profile { departments }\n      target { stage dueAt }\n      roadmap {\n        targetStage reachesTarget\n        basedOn { id period overallScore stage }\n        steps { move responsibility department description overallScore stage clearsFindings }\n      }\n      teams { id name members { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTarget($input: SetTargetInput!) { setTarget(input: $input) { stage dueAt } }\n"): (typeof documents)["\n  mutation SetTarget($input: SetTargetInput!) { setTarget(input: $input) { stage dueAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Actions {\n    tenant {\n      id myRole profile { departments }\n      teams { id name members { id name } }\n      actions(first: 100) {\n        totalCount\n        edges {\n          node { id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Actions {\n    tenant {\n      id myRole profile { departments }\n      teams { id name members { id name } }\n      actions(first: 100) {\n        totalCount\n        edges {\n          node { id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id title move responsibility department status version }\n  }\n"): (typeof documents)["\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id title move responsibility department status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) {\n      id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) {\n      id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n"): (typeof documents)["\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($email: String!, $role: Role!) {\n    inviteMember(email: $email, role: $role) { id email role createdAt expiresAt acceptedAt revokedAt token }\n  }\n"): (typeof documents)["\n  mutation InviteMember($email: String!, $role: Role!) {\n    inviteMember(email: $email, role: $role) { id email role createdAt expiresAt acceptedAt revokedAt token }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id name myRole }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id name myRole }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token user { id name email } }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token user { id name email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns {\n    tenant {\n      id myRole profile { departments }\n      campaigns(first: 50) {\n        totalCount\n        edges { node { id period status closesAt createdAt endedAt minResponses invitedCount responseCount version } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Campaigns {\n    tenant {\n      id myRole profile { departments }\n      campaigns(first: 50) {\n        totalCount\n        edges { node { id period status closesAt createdAt endedAt minResponses invitedCount responseCount version } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id period status closesAt createdAt endedAt minResponses invitedCount responseCount version answeredByMe\n      assessment { id overallScore stage }\n      items { item value responses disagreement contested distribution { value count } }\n      departments { department responses items { item value responses disagreement contested } }\n    }\n  }\n"): (typeof documents)["\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id period status closesAt createdAt endedAt minResponses invitedCount responseCount version answeredByMe\n      assessment { id overallScore stage }\n      items { item value responses disagreement contested distribution { value count } }\n      departments { department responses items { item value responses disagreement contested } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCampaign($input: OpenCampaignInput!) {\n    openCampaign(input: $input) { id period status closesAt minResponses invitedCount responseCount version }\n  }\n"): (typeof documents)["\n  mutation OpenCampaign($input: OpenCampaignInput!) {\n    openCampaign(input: $input) { id period status closesAt minResponses invitedCount responseCount version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteRespondents($campaignId: ID!, $respondents: [RespondentInput!]!) {\n    inviteRespondents(campaignId: $campaignId, respondents: $respondents) { email department external mailed token }\n  }\n"): (typeof documents)["\n  mutation InviteRespondents($campaignId: ID!, $respondents: [RespondentInput!]!) {\n    inviteRespondents(campaignId: $campaignId, respondents: $respondents) { email department external mailed token }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCampaign($id: ID!, $expectedVersion: Int!) {\n    closeCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version assessment { id overallScore stage } }\n  }\n"): (typeof documents)["\n  mutation CloseCampaign($id: ID!, $expectedVersion: Int!) {\n    closeCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version assessment { id overallScore stage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelCampaign($id: ID!, $expectedVersion: Int!) {\n    cancelCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version }\n  }\n"): (typeof documents)["\n  mutation CancelCampaign($id: ID!, $expectedVersion: Int!) {\n    cancelCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RespondentCampaign($token: String!) {\n    respondentCampaign(token: $token) { organisationName period closesAt open answered }\n  }\n"): (typeof documents)["\n  query RespondentCampaign($token: String!) {\n    respondentCampaign(token: $token) { organisationName period closesAt open answered }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCampaignResponse($token: String!, $answers: AssessmentAnswersInput!) {\n    submitCampaignResponse(token: $token, answers: $answers)\n  }\n"): (typeof documents)["\n  mutation SubmitCampaignResponse($token: String!, $answers: AssessmentAnswersInput!) {\n    submitCampaignResponse(token: $token, answers: $answers)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToCampaign($campaignId: ID!, $answers: AssessmentAnswersInput!, $department: Department!) {\n    respondToCampaign(campaignId: $campaignId, answers: $answers, department: $department)\n  }\n"): (typeof documents)["\n  mutation RespondToCampaign($campaignId: ID!, $answers: AssessmentAnswersInput!, $department: Department!) {\n    respondToCampaign(campaignId: $campaignId, answers: $answers, department: $department)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;