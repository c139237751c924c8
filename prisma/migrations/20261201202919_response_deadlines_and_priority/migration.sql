-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HistoryEventKind" ADD VALUE 'PRIORITY_MARKED';
ALTER TYPE "HistoryEventKind" ADD VALUE 'PRIORITY_UNMARKED';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "responseDays" INTEGER NOT NULL DEFAULT 56;

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "isPriority" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "priorityReason" TEXT;

-- AlterTable
ALTER TABLE "RecommendationAddressee" ADD COLUMN     "respondedLate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "responsesDueOn" DATE;

-- CreateIndex
CREATE INDEX "Recommendation_isPriority_status_idx" ON "Recommendation"("isPriority", "status");
