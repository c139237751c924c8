-- CreateEnum
CREATE TYPE "RepeatDecisionKind" AS ENUM ('CONFIRMED', 'REJECTED');

-- AlterEnum
ALTER TYPE "HistoryEventKind" ADD VALUE 'REPEAT_REJECTED';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "formerNames" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "TextTerm" (
    "word" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "TextTerm_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "RepeatDecision" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "candidateId" INTEGER NOT NULL,
    "decision" "RepeatDecisionKind" NOT NULL,
    "rank" INTEGER,
    "score" DOUBLE PRECISION,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepeatDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RepeatDecision_recommendationId_candidateId_idx" ON "RepeatDecision"("recommendationId", "candidateId");

-- CreateIndex
CREATE INDEX "RepeatDecision_candidateId_idx" ON "RepeatDecision"("candidateId");

-- CreateIndex
CREATE INDEX "RepeatDecision_decidedById_idx" ON "RepeatDecision"("decidedById");

-- CreateIndex
CREATE INDEX "RepeatDecision_decision_decidedAt_idx" ON "RepeatDecision"("decision", "decidedAt");

-- CreateIndex
CREATE INDEX "Recommendation_searchVector_idx" ON "Recommendation" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "RepeatDecision" ADD CONSTRAINT "RepeatDecision_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepeatDecision" ADD CONSTRAINT "RepeatDecision_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepeatDecision" ADD CONSTRAINT "RepeatDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The stemmed words of each text, kept from the text by the database itself so that every way of
-- writing a recommendation (the domain, the seeds, bulk loads) keeps them current.
CREATE FUNCTION recommendation_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('english'::regconfig, NEW."text");
  RETURN NEW;
END $$;

UPDATE "Recommendation" SET "searchVector" = to_tsvector('english'::regconfig, "text");

CREATE TRIGGER "Recommendation_searchVector"
  BEFORE INSERT OR UPDATE OF "text" ON "Recommendation"
  FOR EACH ROW EXECUTE FUNCTION recommendation_search_vector();

-- How many texts hold each word (and, under the empty word, how many texts there are), kept per
-- statement from the rows it changed, so a bulk load of thousands of rows costs one upsert.
INSERT INTO "TextTerm" ("word", "documents")
  SELECT word, ndoc FROM ts_stat('SELECT "searchVector" FROM "Recommendation"')
  UNION ALL SELECT '', count(*)::int FROM "Recommendation";

CREATE FUNCTION text_terms_count(delta_sign int, changed_vectors tsvector[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TextTerm" ("word", "documents")
  SELECT word, delta_sign * count(*)::int FROM (
    SELECT (unnest(v)).lexeme AS word FROM unnest(changed_vectors) AS v
    UNION ALL SELECT '' FROM unnest(changed_vectors)
  ) words
  GROUP BY word ORDER BY word
  ON CONFLICT ("word") DO UPDATE SET "documents" = "TextTerm"."documents" + EXCLUDED."documents";
$$;

CREATE FUNCTION text_terms_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM text_terms_count(1, (SELECT array_agg(coalesce("searchVector", ''::tsvector)) FROM inserted));
  RETURN NULL;
END $$;

CREATE FUNCTION text_terms_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM text_terms_count(-1, (SELECT array_agg(coalesce("searchVector", ''::tsvector)) FROM deleted));
  RETURN NULL;
END $$;

-- Updates change the counts only where the text changed: most updates (status, dates) do not.
CREATE FUNCTION text_terms_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_vectors tsvector[];
  after_vectors tsvector[];
BEGIN
  SELECT array_agg(coalesce(o."searchVector", ''::tsvector)), array_agg(coalesce(n."searchVector", ''::tsvector))
    INTO before_vectors, after_vectors
    FROM deleted o JOIN inserted n ON n.id = o.id
    WHERE o."searchVector" IS DISTINCT FROM n."searchVector";
  IF before_vectors IS NOT NULL THEN
    PERFORM text_terms_count(-1, before_vectors);
    PERFORM text_terms_count(1, after_vectors);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Recommendation_textTerms_insert" AFTER INSERT ON "Recommendation"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION text_terms_after_insert();
CREATE TRIGGER "Recommendation_textTerms_delete" AFTER DELETE ON "Recommendation"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION text_terms_after_delete();
CREATE TRIGGER "Recommendation_textTerms_update" AFTER UPDATE ON "Recommendation"
  REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION text_terms_after_update();
