-- Changes to who may sign in and as what are announced on "tracker_changes" too, with the
-- payload 'access': the server keeps signed-in sessions in memory until it hears of one
-- (server/auth/sessions.ts). They have a feed of their own so that a sign-in does not
-- throw away the counts kept for everyone, nor a record's change every session.
CREATE FUNCTION "tracker_announce_access_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tracker_changes', 'access');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Session_announce_access_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Session" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_access_change"();
CREATE TRIGGER "ApiToken_announce_access_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiToken" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_access_change"();
CREATE TRIGGER "User_announce_access_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_access_change"();
CREATE TRIGGER "Organisation_announce_access_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organisation" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_access_change"();
