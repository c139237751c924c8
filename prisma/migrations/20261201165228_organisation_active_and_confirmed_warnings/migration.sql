-- AlterTable
ALTER TABLE "HistoryEvent" ADD COLUMN     "confirmedWarning" TEXT;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;
