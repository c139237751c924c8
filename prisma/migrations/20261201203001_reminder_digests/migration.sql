-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('DAILY', 'WEEKLY', 'NONE');

-- CreateEnum
CREATE TYPE "DigestKind" AS ENUM ('WORK', 'VERIFICATION');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestFrequency" "DigestFrequency" NOT NULL DEFAULT 'WEEKLY';

-- CreateTable
CREATE TABLE "SentDigest" (
    "id" SERIAL NOT NULL,
    "kind" "DigestKind" NOT NULL,
    "userId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "email" TEXT,
    "messageId" TEXT,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "sections" JSONB,
    "lastError" TEXT,

    CONSTRAINT "SentDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SentDigest_userId_sentAt_idx" ON "SentDigest"("userId", "sentAt");

-- CreateIndex
CREATE INDEX "SentDigest_sentAt_claimedAt_idx" ON "SentDigest"("sentAt", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SentDigest_kind_userId_period_key" ON "SentDigest"("kind", "userId", "period");

-- AddForeignKey
ALTER TABLE "SentDigest" ADD CONSTRAINT "SentDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
