-- CreateTable
CREATE TABLE "RepeatParaphrase" (
    "word" TEXT NOT NULL,
    "related" TEXT NOT NULL,
    "links" INTEGER NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RepeatParaphrase_pkey" PRIMARY KEY ("word","related")
);
