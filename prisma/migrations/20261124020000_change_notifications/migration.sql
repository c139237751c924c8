-- Every committed change to the records that reads are built from is announced on the channel
-- "tracker_changes", whoever makes it (this server, another instance, a script with psql).
-- The server keeps counts and the dashboard in memory until it hears of a change
-- (server/db/change-feed.ts). NOTIFY is delivered at commit, and only then, and duplicate
-- notifications within one transaction fold into one.
-- Sessions, sign-in attempts and API tokens' last use are left out: they change on every
-- request and no cached read depends on them.
CREATE FUNCTION "tracker_announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tracker_changes', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Organisation_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organisation" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "Report_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Report" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "Recommendation_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recommendation" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "RecommendationAddressee_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationAddressee" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "Assessment_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Assessment" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "ActionItem_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActionItem" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "Evidence_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Evidence" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "Theme_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Theme" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "_RecommendationToTheme_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_RecommendationToTheme" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "HistoryEvent_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HistoryEvent" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "User_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
