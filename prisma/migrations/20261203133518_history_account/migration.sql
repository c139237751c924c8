-- AlterTable
ALTER TABLE "HistoryEvent" ADD COLUMN     "accountId" INTEGER;

-- CreateIndex
CREATE INDEX "HistoryEvent_accountId_createdAt_idx" ON "HistoryEvent"("accountId", "createdAt");

-- AddForeignKey
ALTER TABLE "HistoryEvent" ADD CONSTRAINT "HistoryEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Changes already recorded to an account: the user changed, and for an API token its owner. They
-- were read by whoever made a token's change, so a token an administrator made or revoked for
-- someone was missing from that person's history and from their page.
UPDATE "HistoryEvent" h SET "accountId" = u.id
FROM "User" u
WHERE h.subject = 'USER' AND u.id = h."subjectId";

UPDATE "HistoryEvent" h SET "accountId" = t."userId"
FROM "ApiToken" t
WHERE h.subject = 'API_TOKEN' AND t.id = h."subjectId";
