-- Organisations and reports change far less often than recommendations and their plans, and
-- an owner's name or a report's title read from them alone need not be read again after every
-- status update. Their changes are announced on "tracker_changes" with a payload of their own,
-- 'organisations' or 'reports', as well as with '' as every change to the records.
CREATE FUNCTION "tracker_announce_table_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tracker_changes', TG_ARGV[0]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Organisation_announce_organisations_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organisation" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_table_change"('organisations');
CREATE TRIGGER "Report_announce_reports_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Report" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_table_change"('reports');
CREATE TRIGGER "_ReportFollowUp_announce_reports_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_ReportFollowUp" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_table_change"('reports');
-- The links between reports were left out of the records' own announcements.
CREATE TRIGGER "_ReportFollowUp_announce_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_ReportFollowUp" FOR EACH STATEMENT EXECUTE FUNCTION "tracker_announce_change"();
