/**
 * Every operation the workspace sends, typed by graphql-codegen from schema.gql (npm run web:codegen).
 * src/graphql/complexity.spec.ts and test/e2e/limits.spec.ts read this file: each operation stays under the
 * default MAX_QUERY_COST.
 */
import { graphql } from '../gql';

export const LogInDocument = graphql(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(email: $email, password: $password) { token user { id name email } }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token user { id name email } }
  }
`);

export const MyTenantsDocument = graphql(`
  query MyTenants {
    myTenants(first: 100) { totalCount edges { node { id name myRole } } }
  }
`);

export const CreateTenantDocument = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) { id name myRole }
  }
`);

export const TenantOverviewDocument = graphql(`
  query TenantOverview {
    tenant {
      id name myRole
      profile { employeeCount departments culture market locations sector reassessmentCadenceDays }
      latestAssessment {
        id period periodStart submittedAt overallScore stage bandStage appliedCaps delta
        dimensions { dimension score applicable weight }
        findings { code severity dimension responsibility failureFactor message recommendation }
        outlook {
          stage nextStage nextStageScore pointsToNextStage blockingCaps
          cappingDimension cappingDimensionScore dimensionScoreNeeded dimensionsBelowNeeded
        }
        previous {
          id period overallScore stage
          dimensions { dimension score applicable }
          findings { code severity dimension responsibility failureFactor message }
        }
      }
      growth {
        totalPoints overallSlopePer90Days nextStage projectedNextStageAt
        points(last: 20) { id period periodStart overallScore stage }
      }
    }
    benchmark {
      sizeBand source minimumPeers peerCount quarter ownScore
      release { p25 p50 p75 epsilon releasedAt }
      survey {
        title year respondents
        selfRated { beginner intermediate advanced }
        satisfaction { notAtAll somewhat satisfied highlySatisfied }
      }
    }
  }
`);

export const TenantProfileDocument = graphql(`
  query TenantProfile {
    tenant { id name myRole profile { employeeCount departments culture market locations sector reassessmentCadenceDays } }
  }
`);

export const UpdateTenantProfileDocument = graphql(`
  mutation UpdateTenantProfile($input: TenantProfileInput!) {
    updateTenantProfile(input: $input) {
      id profile { employeeCount departments culture market locations sector reassessmentCadenceDays }
    }
  }
`);

export const TeamsDocument = graphql(`
  query Teams {
    tenant {
      id myRole profile { departments }
      teams { id name version members { id teamId name department external insight experience affinity } }
    }
  }
`);

export const CreateTeamDocument = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { id name version } }
`);

export const UpdateTeamDocument = graphql(`
  mutation UpdateTeam($input: UpdateTeamInput!) { updateTeam(input: $input) { id name version } }
`);

export const DeleteTeamDocument = graphql(`
  mutation DeleteTeam($id: ID!, $expectedVersion: Int) { deleteTeam(id: $id, expectedVersion: $expectedVersion) }
`);

export const AddTeamMemberDocument = graphql(`
  mutation AddTeamMember($input: AddTeamMemberInput!) {
    addTeamMember(input: $input) { id teamId name department external insight experience affinity }
  }
`);

export const UpdateTeamMemberDocument = graphql(`
  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {
    updateTeamMember(input: $input) { id teamId name department external insight experience affinity }
  }
`);

export const RemoveTeamMemberDocument = graphql(`
  mutation RemoveTeamMember($id: ID!) { removeTeamMember(id: $id) }
`);

export const ResponsibilitiesDocument = graphql(`
  query Responsibilities {
    tenant {
      id myRole profile { departments }
      responsibilities { responsibility ownerKind department member { id name } updatedAt }
      unownedResponsibilities
      teams { id name members { id name department external } }
    }
  }
`);

export const AssignResponsibilityDocument = graphql(`
  mutation AssignResponsibility($input: AssignResponsibilityInput!) {
    assignResponsibility(input: $input) { responsibility ownerKind department member { id name } updatedAt }
  }
`);

export const UnassignResponsibilityDocument = graphql(`
  mutation UnassignResponsibility($responsibility: Responsibility!) { unassignResponsibility(responsibility: $responsibility) }
`);

export const InitiativesDocument = graphql(`
  query Initiatives($after: String) {
    initiatives(first: 50, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges {
        node { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }
      }
    }
  }
`);

export const InitiativeDocument = graphql(`
  query Initiative($id: ID!) {
    initiative(id: $id) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }
  }
`);

export const CreateInitiativeDocument = graphql(`
  mutation CreateInitiative($input: CreateInitiativeInput!) {
    createInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }
  }
`);

export const UpdateInitiativeDocument = graphql(`
  mutation UpdateInitiative($input: UpdateInitiativeInput!) {
    updateInitiative(input: $input) { id name status ownerDepartment outsourcing satisfaction failureFactors version updatedAt kpis { name kind } }
  }
`);

export const DeleteInitiativeDocument = graphql(`
  mutation DeleteInitiative($id: ID!, $expectedVersion: Int!) { deleteInitiative(id: $id, expectedVersion: $expectedVersion) }
`);

export const MembersDocument = graphql(`
  query Members {
    tenant { id myRole members(first: 100) { totalCount edges { node { role createdAt user { id name email } } } } }
  }
`);

export const RemoveMembershipDocument = graphql(`
  mutation RemoveMembership($userId: ID!) { removeMembership(userId: $userId) }
`);

export const ScorePreviewDocument = graphql(`
  query ScorePreview($answers: AssessmentAnswersInput!) {
    scorePreview(answers: $answers) {
      overallScore stage
      dimensions { dimension score applicable }
      outlook { nextStage pointsToNextStage cappingDimension }
      previous { period overallScore }
    }
  }
`);

export const SubmitAssessmentDocument = graphql(`
  mutation SubmitAssessment($input: SubmitAssessmentInput!) {
    submitAssessment(input: $input) { id period overallScore stage }
  }
`);

export const PortfolioDocument = graphql(`
  query Portfolio($sort: PortfolioSort!, $filter: PortfolioFilter, $first: Int, $after: String) {
    portfolio(sort: $sort, filter: $filter) {
      totalCount overdueCount alertCount
      pageInfo { endCursor hasNextPage }
      entries(first: $first, after: $after) {
        tenant { id name }
        overallScore stage delta dueAt overdue weakestDimension scoreDropAlert
        openCampaign { id period closesAt invitedCount responseCount }
      }
    }
  }
`);

// --- W17: the roadmap and the action plan ---------------------------------------------------------------------

export const RoadmapDocument = graphql(`
  query Roadmap {
    tenant {
      id myRole profile { departments }
      target { stage dueAt }
      roadmap {
        targetStage reachesTarget
        basedOn { id period overallScore stage }
        steps { move responsibility department description overallScore stage clearsFindings }
      }
      teams { id name members { id name } }
    }
  }
`);

export const SetTargetDocument = graphql(`
  mutation SetTarget($input: SetTargetInput!) { setTarget(input: $input) { stage dueAt } }
`);

export const ActionsDocument = graphql(`
  query Actions {
    tenant {
      id myRole profile { departments }
      teams { id name members { id name } }
      actions(first: 100) {
        totalCount
        edges {
          node { id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version }
        }
      }
    }
  }
`);

export const CreateActionDocument = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) { id title move responsibility department status version }
  }
`);

export const UpdateActionDocument = graphql(`
  mutation UpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id title move responsibility department ownerDepartment ownerMember { id name } dueAt status overdue verified version
    }
  }
`);

// --- W19: API keys, invitations, sessions ---

export const ApiKeysDocument = graphql(`
  query ApiKeys {
    apiKeys { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {
    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {
      secret
      apiKey { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`);

export const InvitationsDocument = graphql(`
  query Invitations {
    invitations { id email role createdAt expiresAt acceptedAt revokedAt }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($email: String!, $role: Role!) {
    inviteMember(email: $email, role: $role) { id email role createdAt expiresAt acceptedAt revokedAt token }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) { id revokedAt }
  }
`);

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) { id name myRole }
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token user { id name email } }
  }
`);

export const LogOutEverywhereDocument = graphql(`
  mutation LogOutEverywhere {
    logOutEverywhere
  }
`);

// --- Campaigns (W16): the campaign page and the respondent's page ---

export const CampaignsDocument = graphql(`
  query Campaigns {
    tenant {
      id myRole profile { departments }
      campaigns(first: 50) {
        totalCount
        edges { node { id period status closesAt createdAt endedAt minResponses invitedCount responseCount version } }
      }
    }
  }
`);

export const CampaignDocument = graphql(`
  query Campaign($id: ID!) {
    campaign(id: $id) {
      id period status closesAt createdAt endedAt minResponses invitedCount responseCount version answeredByMe
      assessment { id overallScore stage }
      items { item value responses disagreement contested distribution { value count } }
      departments { department responses items { item value responses disagreement contested } }
    }
  }
`);

export const OpenCampaignDocument = graphql(`
  mutation OpenCampaign($input: OpenCampaignInput!) {
    openCampaign(input: $input) { id period status closesAt minResponses invitedCount responseCount version }
  }
`);

export const InviteRespondentsDocument = graphql(`
  mutation InviteRespondents($campaignId: ID!, $respondents: [RespondentInput!]!) {
    inviteRespondents(campaignId: $campaignId, respondents: $respondents) { email department external mailed token }
  }
`);

export const CloseCampaignDocument = graphql(`
  mutation CloseCampaign($id: ID!, $expectedVersion: Int!) {
    closeCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version assessment { id overallScore stage } }
  }
`);

export const CancelCampaignDocument = graphql(`
  mutation CancelCampaign($id: ID!, $expectedVersion: Int!) {
    cancelCampaign(id: $id, expectedVersion: $expectedVersion) { id status endedAt version }
  }
`);

export const RespondentCampaignDocument = graphql(`
  query RespondentCampaign($token: String!) {
    respondentCampaign(token: $token) { organisationName period closesAt open answered }
  }
`);

export const SubmitCampaignResponseDocument = graphql(`
  mutation SubmitCampaignResponse($token: String!, $answers: AssessmentAnswersInput!) {
    submitCampaignResponse(token: $token, answers: $answers)
  }
`);

export const RespondToCampaignDocument = graphql(`
  mutation RespondToCampaign($campaignId: ID!, $answers: AssessmentAnswersInput!, $department: Department!) {
    respondToCampaign(campaignId: $campaignId, answers: $answers, department: $department)
  }
`);
