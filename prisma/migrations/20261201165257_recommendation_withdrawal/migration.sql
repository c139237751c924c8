-- AlterEnum
ALTER TYPE "HistoryEventKind" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "withdrawalReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);
