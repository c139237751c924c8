-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('GOVERNMENT_DEPARTMENT', 'AGENCY', 'SERVICE', 'REGION', 'DELIVERY_UNIT', 'INSPECTORATE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('THEMATIC', 'INSPECTION', 'FOLLOW_UP', 'JOINT');

-- CreateEnum
CREATE TYPE "RecommendationResponse" AS ENUM ('AWAITING_RESPONSE', 'ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED', 'NOT_PLANNED');

-- CreateEnum
CREATE TYPE "AssessmentVerdict" AS ENUM ('ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED', 'NO_LONGER_APPLICABLE');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EvidenceStrength" AS ENUM ('POLICY', 'PRACTICE', 'OUTCOME');

-- CreateEnum
CREATE TYPE "EvidenceVerification" AS ENUM ('UNVERIFIED', 'ACCEPTED', 'INSUFFICIENT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMINISTRATOR', 'INSPECTOR', 'LEADER', 'VIEWER');

-- CreateEnum
CREATE TYPE "ApiTokenAccess" AS ENUM ('READ', 'READ_WRITE');

-- CreateEnum
CREATE TYPE "HistorySubject" AS ENUM ('ORGANISATION', 'REPORT', 'RECOMMENDATION', 'ACTION_ITEM', 'EVIDENCE', 'ASSESSMENT', 'USER', 'API_TOKEN');

-- CreateEnum
CREATE TYPE "HistoryEventKind" AS ENUM ('CREATED', 'UPDATED', 'DELETED', 'STATUS_CHANGED', 'RESPONSE_CHANGED', 'TARGET_DATE_CHANGED', 'OWNER_CHANGED', 'DUE_DATE_CHANGED', 'REPEAT_LINKED', 'REPEAT_CONFIRMED', 'REPEAT_UNLINKED', 'EVIDENCE_SUBMITTED', 'EVIDENCE_VERIFIED', 'ASSESSMENT_RECORDED', 'COMPLETED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "OrganisationKind" NOT NULL,
    "parentId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "inspectorateId" INTEGER NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "publishedOn" DATE NOT NULL,
    "url" TEXT,
    "summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "text" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "targetDate" DATE,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "repeatsId" INTEGER,
    "repeatSimilarity" DOUBLE PRECISION,
    "repeatConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAddressee" (
    "recommendationId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "response" "RecommendationResponse" NOT NULL DEFAULT 'AWAITING_RESPONSE',
    "responseNote" TEXT,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "RecommendationAddressee_pkey" PRIMARY KEY ("recommendationId","organisationId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "reportId" INTEGER,
    "verdict" "AssessmentVerdict" NOT NULL,
    "commentary" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "leadPerson" TEXT,
    "dueDate" DATE,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'PLANNED',
    "completedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "actionItemId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "url" TEXT,
    "strength" "EvidenceStrength" NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verification" "EvidenceVerification" NOT NULL DEFAULT 'UNVERIFIED',
    "verificationNote" TEXT,
    "verifiedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryEvent" (
    "id" SERIAL NOT NULL,
    "kind" "HistoryEventKind" NOT NULL,
    "subject" "HistorySubject" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "recommendationId" INTEGER,
    "reportId" INTEGER,
    "field" TEXT,
    "fromValue" TEXT,
    "toValue" TEXT,
    "comment" TEXT,
    "actorId" INTEGER NOT NULL,
    "apiTokenId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HistoryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignedInAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "access" "ApiTokenAccess" NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "secretHash" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ReportFollowUp" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ReportFollowUp_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RecommendationToTheme" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_RecommendationToTheme_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "Report_inspectorateId_idx" ON "Report"("inspectorateId");

-- CreateIndex
CREATE INDEX "Report_publishedOn_idx" ON "Report"("publishedOn");

-- CreateIndex
CREATE INDEX "Report_kind_publishedOn_idx" ON "Report"("kind", "publishedOn");

-- CreateIndex
CREATE INDEX "Recommendation_reportId_position_idx" ON "Recommendation"("reportId", "position");

-- CreateIndex
CREATE INDEX "Recommendation_ownerId_status_idx" ON "Recommendation"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Recommendation_status_createdAt_idx" ON "Recommendation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Recommendation_targetDate_idx" ON "Recommendation"("targetDate");

-- CreateIndex
CREATE INDEX "Recommendation_repeatsId_idx" ON "Recommendation"("repeatsId");

-- CreateIndex
CREATE INDEX "Recommendation_updatedAt_idx" ON "Recommendation"("updatedAt");

-- CreateIndex
CREATE INDEX "Recommendation_text_trgm_idx" ON "Recommendation" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_reportId_reference_key" ON "Recommendation"("reportId", "reference");

-- CreateIndex
CREATE INDEX "RecommendationAddressee_organisationId_response_idx" ON "RecommendationAddressee"("organisationId", "response");

-- CreateIndex
CREATE INDEX "Assessment_recommendationId_assessedOn_idx" ON "Assessment"("recommendationId", "assessedOn");

-- CreateIndex
CREATE INDEX "Assessment_reportId_idx" ON "Assessment"("reportId");

-- CreateIndex
CREATE INDEX "Assessment_inspectorId_idx" ON "Assessment"("inspectorId");

-- CreateIndex
CREATE INDEX "Assessment_verdict_idx" ON "Assessment"("verdict");

-- CreateIndex
CREATE INDEX "ActionItem_recommendationId_idx" ON "ActionItem"("recommendationId");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_status_idx" ON "ActionItem"("ownerId", "status");

-- CreateIndex
CREATE INDEX "ActionItem_status_dueDate_idx" ON "ActionItem"("status", "dueDate");

-- CreateIndex
CREATE INDEX "ActionItem_dueDate_idx" ON "ActionItem"("dueDate");

-- CreateIndex
CREATE INDEX "Evidence_actionItemId_idx" ON "Evidence"("actionItemId");

-- CreateIndex
CREATE INDEX "Evidence_verification_submittedAt_idx" ON "Evidence"("verification", "submittedAt");

-- CreateIndex
CREATE INDEX "Evidence_submittedById_idx" ON "Evidence"("submittedById");

-- CreateIndex
CREATE INDEX "Evidence_verifiedById_idx" ON "Evidence"("verifiedById");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_name_key" ON "Theme"("name");

-- CreateIndex
CREATE INDEX "HistoryEvent_recommendationId_createdAt_idx" ON "HistoryEvent"("recommendationId", "createdAt");

-- CreateIndex
CREATE INDEX "HistoryEvent_reportId_createdAt_idx" ON "HistoryEvent"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "HistoryEvent_subject_subjectId_idx" ON "HistoryEvent"("subject", "subjectId");

-- CreateIndex
CREATE INDEX "HistoryEvent_actorId_idx" ON "HistoryEvent"("actorId");

-- CreateIndex
CREATE INDEX "HistoryEvent_apiTokenId_idx" ON "HistoryEvent"("apiTokenId");

-- CreateIndex
CREATE INDEX "HistoryEvent_createdAt_idx" ON "HistoryEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_secretHash_key" ON "Session"("secretHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "_ReportFollowUp_B_index" ON "_ReportFollowUp"("B");

-- CreateIndex
CREATE INDEX "_RecommendationToTheme_B_index" ON "_RecommendationToTheme"("B");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_inspectorateId_fkey" FOREIGN KEY ("inspectorateId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_repeatsId_fkey" FOREIGN KEY ("repeatsId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAddressee" ADD CONSTRAINT "RecommendationAddressee_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAddressee" ADD CONSTRAINT "RecommendationAddressee_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_actionItemId_fkey" FOREIGN KEY ("actionItemId") REFERENCES "ActionItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEvent" ADD CONSTRAINT "HistoryEvent_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEvent" ADD CONSTRAINT "HistoryEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEvent" ADD CONSTRAINT "HistoryEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEvent" ADD CONSTRAINT "HistoryEvent_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ReportFollowUp" ADD CONSTRAINT "_ReportFollowUp_A_fkey" FOREIGN KEY ("A") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ReportFollowUp" ADD CONSTRAINT "_ReportFollowUp_B_fkey" FOREIGN KEY ("B") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RecommendationToTheme" ADD CONSTRAINT "_RecommendationToTheme_A_fkey" FOREIGN KEY ("A") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RecommendationToTheme" ADD CONSTRAINT "_RecommendationToTheme_B_fkey" FOREIGN KEY ("B") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
