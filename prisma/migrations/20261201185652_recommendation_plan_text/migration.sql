-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "planText" TEXT NOT NULL DEFAULT '';

-- A recommendation's plan in words (each action's description, lead and owner), so a search finds a
-- recommendation by its plan ("Cardiff") through one trigram index: searching the action items in the
-- same query made the database test every recommendation's actions one by one.
CREATE FUNCTION recommendation_plan_text(recommendation integer) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(concat_ws(' ', a."description", a."leadPerson", o."name", o."shortName"), ' ' ORDER BY a."id"), '')
  FROM "ActionItem" a JOIN "Organisation" o ON o."id" = a."ownerId"
  WHERE a."recommendationId" = recommendation
$$;

CREATE FUNCTION recommendation_plan_text_refresh(recommendations integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Recommendation" r SET "planText" = recommendation_plan_text(r."id")
  WHERE r."id" = ANY (recommendations) AND r."planText" IS DISTINCT FROM recommendation_plan_text(r."id");
$$;

-- Kept per statement from the rows it changed, so a bulk load of action items costs one update.
CREATE FUNCTION plan_text_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recommendation_plan_text_refresh((SELECT array_agg(DISTINCT "recommendationId") FROM inserted));
  RETURN NULL;
END $$;

CREATE FUNCTION plan_text_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recommendation_plan_text_refresh((SELECT array_agg(DISTINCT "recommendationId") FROM deleted));
  RETURN NULL;
END $$;

-- Most updates (status, dates) change none of the words: only rows whose words changed count.
CREATE FUNCTION plan_text_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recommendation_plan_text_refresh((
    SELECT array_agg(DISTINCT id) FROM (
      SELECT o."recommendationId" AS id FROM deleted o JOIN inserted n ON n."id" = o."id"
        WHERE (o."description", o."leadPerson", o."ownerId", o."recommendationId") IS DISTINCT FROM (n."description", n."leadPerson", n."ownerId", n."recommendationId")
      UNION SELECT n."recommendationId" FROM deleted o JOIN inserted n ON n."id" = o."id"
        WHERE (o."description", o."leadPerson", o."ownerId", o."recommendationId") IS DISTINCT FROM (n."description", n."leadPerson", n."ownerId", n."recommendationId")
    ) changed));
  RETURN NULL;
END $$;

-- An organisation renamed: the plans of the actions it owns.
CREATE FUNCTION plan_text_after_organisation_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recommendation_plan_text_refresh((
    SELECT array_agg(DISTINCT a."recommendationId") FROM "ActionItem" a
    JOIN deleted o ON o."id" = a."ownerId" JOIN inserted n ON n."id" = o."id"
    WHERE (o."name", o."shortName") IS DISTINCT FROM (n."name", n."shortName")));
  RETURN NULL;
END $$;

CREATE TRIGGER "ActionItem_planText_insert" AFTER INSERT ON "ActionItem"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION plan_text_after_insert();
CREATE TRIGGER "ActionItem_planText_delete" AFTER DELETE ON "ActionItem"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION plan_text_after_delete();
CREATE TRIGGER "ActionItem_planText_update" AFTER UPDATE ON "ActionItem"
  REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION plan_text_after_update();
CREATE TRIGGER "Organisation_planText_update" AFTER UPDATE ON "Organisation"
  REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION plan_text_after_organisation_update();

UPDATE "Recommendation" r SET "planText" = recommendation_plan_text(r."id")
  WHERE EXISTS (SELECT 1 FROM "ActionItem" a WHERE a."recommendationId" = r."id");

-- CreateIndex
CREATE INDEX "Recommendation_planText_trgm_idx" ON "Recommendation" USING GIN ("planText" gin_trgm_ops);
