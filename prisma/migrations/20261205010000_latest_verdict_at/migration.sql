-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "latestVerdictAt" TIMESTAMP(3);

-- When each recommendation's latest assessment was recorded. A claim of "implemented" made after
-- a verdict short of achieved awaits the inspectors again; without the time, such a claim read
-- as overstated and no inspector was asked to assess it.
UPDATE "Recommendation" r SET "latestVerdictAt" = a."createdAt"
FROM "Assessment" a
WHERE a.id = r."latestAssessmentId";
