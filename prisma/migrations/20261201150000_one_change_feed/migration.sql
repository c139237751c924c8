-- One feed of changes: the records. Sessions, API tokens and accounts are no longer announced
-- (the server keeps a session or token for a few seconds only, and forgets its own changes at
-- once), and organisations and reports are announced as the records they are, not on feeds of
-- their own: a sliding session or a token's last use no longer empties anything kept.
DROP TRIGGER "Session_announce_access_change" ON "Session";
DROP TRIGGER "ApiToken_announce_access_change" ON "ApiToken";
DROP TRIGGER "User_announce_access_change" ON "User";
DROP TRIGGER "Organisation_announce_access_change" ON "Organisation";
DROP FUNCTION "tracker_announce_access_change"();
DROP TRIGGER "Organisation_announce_organisations_change" ON "Organisation";
DROP TRIGGER "Report_announce_reports_change" ON "Report";
DROP TRIGGER "_ReportFollowUp_announce_reports_change" ON "_ReportFollowUp";
DROP FUNCTION "tracker_announce_table_change"();
