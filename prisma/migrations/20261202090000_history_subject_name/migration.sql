-- AlterTable
ALTER TABLE "HistoryEvent" ADD COLUMN     "subjectName" TEXT;

-- Events already recorded about an action item take its description: the current one, or, for an
-- action that was removed, the one its removal recorded.
UPDATE "HistoryEvent" h SET "subjectName" = a.description
FROM "ActionItem" a
WHERE h.subject = 'ACTION_ITEM' AND a.id = h."subjectId";

UPDATE "HistoryEvent" h SET "subjectName" = d."fromValue"
FROM "HistoryEvent" d
WHERE h.subject = 'ACTION_ITEM' AND h."subjectName" IS NULL
  AND d.subject = 'ACTION_ITEM' AND d.kind = 'DELETED' AND d."subjectId" = h."subjectId";
