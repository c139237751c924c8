-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "path" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "firstMadeOn" DATE,
ADD COLUMN     "isRepeatedUnmet" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "latestAssessmentId" INTEGER,
ADD COLUMN     "latestVerdict" "AssessmentVerdict",
ADD COLUMN     "repeatDepth" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_latestAssessmentId_key" ON "Recommendation"("latestAssessmentId");

-- CreateIndex
CREATE INDEX "Recommendation_createdAt_idx" ON "Recommendation"("createdAt");

-- CreateIndex
CREATE INDEX "Recommendation_isRepeatedUnmet_firstMadeOn_idx" ON "Recommendation"("isRepeatedUnmet", "firstMadeOn");

-- CreateIndex
CREATE INDEX "Recommendation_latestVerdict_idx" ON "Recommendation"("latestVerdict");

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_latestAssessmentId_fkey" FOREIGN KEY ("latestAssessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill the derived columns for rows that already exist (the application keeps them from now on).
WITH RECURSIVE tree AS (
  SELECT id, '/' || lpad(id::text, 10, '0') || '/' AS path FROM "Organisation" WHERE "parentId" IS NULL
  UNION ALL
  SELECT o.id, tree.path || lpad(o.id::text, 10, '0') || '/' FROM "Organisation" o JOIN tree ON o."parentId" = tree.id
)
UPDATE "Organisation" o SET path = tree.path FROM tree WHERE o.id = tree.id;

UPDATE "Recommendation" r SET "latestAssessmentId" = latest.id, "latestVerdict" = latest.verdict
FROM (
  SELECT DISTINCT ON ("recommendationId") "recommendationId", id, verdict
  FROM "Assessment" ORDER BY "recommendationId", "assessedOn" DESC, id DESC
) latest
WHERE r.id = latest."recommendationId";

WITH RECURSIVE chain AS (
  SELECT r.id, 0 AS depth, report."publishedOn" AS first
  FROM "Recommendation" r JOIN "Report" report ON report.id = r."reportId"
  WHERE NOT (r."repeatConfirmed" AND r."repeatsId" IS NOT NULL)
  UNION ALL
  SELECT c.id, chain.depth + 1, chain.first
  FROM "Recommendation" c JOIN chain ON c."repeatsId" = chain.id AND c."repeatConfirmed"
)
UPDATE "Recommendation" r SET "repeatDepth" = chain.depth, "firstMadeOn" = chain.first FROM chain WHERE r.id = chain.id;

UPDATE "Recommendation" c SET "isRepeatedUnmet" = true
FROM "Recommendation" p
WHERE p.id = c."repeatsId" AND c."repeatConfirmed"
  AND (p."latestVerdict" IS NULL OR p."latestVerdict" IN ('PARTLY_ACHIEVED', 'NOT_ACHIEVED'))
  AND (c."latestVerdict" IS NULL OR c."latestVerdict" IN ('PARTLY_ACHIEVED', 'NOT_ACHIEVED'));
