/** The selections the app reads for each type, in one place. */

const organisationRef = 'id name shortName';

export const reportFields = `id title kind publishedOn responsesDueOn url summary version createdAt updatedAt viewerCanEdit viewerCanChangeRecommendations
  isPublic publicPagePath viewerCanPublish
  inspectorate { ${organisationRef} }
  followsUp { id title publishedOn }
  progress { recommendationCount implementedByOwners achievedByInspectors assessedByInspectors shareImplemented shareAchieved }`;

export const reportDetailFields = `followedUpBy { id title publishedOn }`;

export const recommendationFields = `id reference position text status statusChangedAt targetDate version createdAt updatedAt
  isOverdue isRepeatedUnmet repeatCount firstMadeOn yearsOpen latestVerdict reportedVsVerified daysSinceUpdate actionItemCount
  withdrawnAt withdrawalReason viewerCanWithdraw isPriority priorityReason viewerCanMarkPriority
  repeatConfirmed viewerCanEdit viewerCanUpdateStatus viewerCanManageActionPlan viewerCanLinkRepeats viewerCanAssess
  owner { ${organisationRef} }
  report { id title publishedOn }
  themes { id name }
  addressees { organisation { ${organisationRef} } response responseNote respondedAt responseTimeliness viewerCanRespond }`;

const lineageEntry = `id reference status latestVerdict text report { id title publishedOn }`;

export const recommendationDetailFields = `repeatSimilarity isInternal viewerCanReadDiscussion report { viewerCanPublish }
  repeats { ${lineageEntry} }
  repeatedBy { ${lineageEntry} }
  lineage { ${lineageEntry} repeats { id } }
  latestAssessment { id verdict assessedOn commentary }`;

export const actionItemFields = `id description dueDate completedOn status isOverdue leadPerson evidenceCount version createdAt updatedAt
  viewerCanEdit viewerCanSubmitEvidence
  owner { ${organisationRef} }
  recommendation { id reference withdrawnAt withdrawalReason viewerCanReadDiscussion owner { id } report { id title publishedOn } }`;

export const evidenceFields = `id summary url strength submittedAt verification verificationNote verifiedAt version viewerCanVerify viewerCanChangeFiles
  files { id name contentType typeName size downloadUrl viewerCanRemove }
  submittedBy { id name }
  verifiedBy { id name }
  actionItem { id description owner { ${organisationRef} } recommendation { id reference report { id title publishedOn } } }`;

export const assessmentFields = `id verdict commentary assessedOn createdAt
  inspector { id name }
  report { id title }
  recommendation { id reference }`;

export const historyFields = `id kind subject field fromValue toValue summary comment confirmedWarning createdAt viaApiToken actor { id name }`;

export const organisationFields = `id name shortName formerNames kind active responseDays depth ancestorIds version createdAt updatedAt parent { ${organisationRef} }`;

export const userFields = `id name email role active createdAt version digestFrequency organisation { ${organisationRef} }`;

export const themeFields = 'id name description';

export const identityFields = `id name email role organisation { ${organisationRef} }`;

export const apiTokenFields = `id name access prefix createdAt expiresAt lastUsedAt revokedAt isActive user { id name email }`;
