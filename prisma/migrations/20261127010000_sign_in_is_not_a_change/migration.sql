-- A sign-in writes the user's "lastSignedInAt" (and Prisma its "updatedAt"). The API shows
-- neither, and neither decides what anyone may do, yet every sign-in was announced as a change
-- to the records and to access: it emptied every caller's kept answers and every kept session.
-- The user's triggers now fire on an update only when a column that matters is set.
DROP TRIGGER "User_announce_change" ON "User";
DROP TRIGGER "User_announce_access_change" ON "User";
CREATE TRIGGER "User_announce_change" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "id", "email", "name", "passwordHash", "role", "organisationId", "active", "version", "createdAt" ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
CREATE TRIGGER "User_announce_access_change" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "id", "email", "name", "passwordHash", "role", "organisationId", "active", "version", "createdAt" ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_access_change"();
