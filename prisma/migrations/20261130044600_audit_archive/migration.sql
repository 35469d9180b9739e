-- CreateTable
CREATE TABLE "audit_archive" (
    "id" BIGSERIAL NOT NULL,
    "first_seq" BIGINT NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "last_hash" CHAR(64) NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "checkpoint_id" BIGINT,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_archive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_archive_last_seq_key" ON "audit_archive"("last_seq");



-- Hand-written: archive rows are append-only like the events they account for.
CREATE TRIGGER "audit_archive_refuse_update_delete"
    BEFORE UPDATE OR DELETE ON "audit_archive"
    FOR EACH ROW EXECUTE FUNCTION "audit_checkpoint_refuse_change"();

CREATE TRIGGER "audit_archive_refuse_truncate"
    BEFORE TRUNCATE ON "audit_archive"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_checkpoint_refuse_change"();

-- Hand-written: the one way events leave audit_event. The trigger still refuses every UPDATE,
-- TRUNCATE and DELETE, except a DELETE of an event that an audit_archive row covers, made while
-- audit_event_delete_archived has announced it (a transaction-local setting). Someone who sets that
-- setting by hand can at most delete events that were already archived.
CREATE OR REPLACE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND OLD.seq <= COALESCE(NULLIF(current_setting('clusterdesk.audit_archive_through', true), ''), '0')::bigint
       AND EXISTS (SELECT 1 FROM "audit_archive" WHERE "last_seq" >= OLD.seq) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Records the archive of events first_seq..last_seq (written to a file whose SHA-256 is given) and
-- deletes exactly that prefix. Runs as its owner (the migrator), so the runtime role needs EXECUTE
-- only, never DELETE. It refuses anything but the oldest remaining events, a last event whose hash
-- differs from the archived one, the chain's head (the next append must still find its predecessor),
-- and events less than a day old (a stolen runtime credential cannot erase recent history).
CREATE FUNCTION "audit_event_delete_archived"(
    p_first_seq BIGINT, p_last_seq BIGINT, p_last_hash CHAR(64), p_file_name TEXT, p_sha256 CHAR(64), p_checkpoint_id BIGINT
) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    archived_through BIGINT;
    oldest BIGINT;
    last_event RECORD;
    deleted BIGINT;
BEGIN
    SELECT COALESCE(MAX("last_seq"), 0) INTO archived_through FROM "audit_archive";
    SELECT MIN("seq") INTO oldest FROM "audit_event";
    IF p_first_seq <> archived_through + 1 OR oldest IS DISTINCT FROM p_first_seq OR p_last_seq < p_first_seq THEN
        RAISE EXCEPTION 'audit archive must start at the oldest event (seq %), not %', COALESCE(oldest, archived_through + 1), p_first_seq
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT "hash", "occurred_at" INTO last_event FROM "audit_event" WHERE "seq" = p_last_seq;
    IF NOT FOUND OR last_event.hash <> p_last_hash THEN
        RAISE EXCEPTION 'audit archive does not match event %: its hash differs or it is gone', p_last_seq
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM "audit_event" WHERE "seq" > p_last_seq) THEN
        RAISE EXCEPTION 'audit archive may not include the chain''s head (seq %)', p_last_seq USING ERRCODE = 'check_violation';
    END IF;
    IF last_event.occurred_at > now() - interval '1 day' THEN
        RAISE EXCEPTION 'audit events less than a day old are not archived (seq % is dated %)', p_last_seq, last_event.occurred_at
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_sha256 !~ '^[0-9a-f]{64}$' OR COALESCE(p_file_name, '') = '' THEN
        RAISE EXCEPTION 'audit archive needs its file name and SHA-256' USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO "audit_archive" ("first_seq", "last_seq", "last_hash", "file_name", "sha256", "checkpoint_id")
        VALUES (p_first_seq, p_last_seq, p_last_hash, p_file_name, p_sha256, p_checkpoint_id);
    PERFORM set_config('clusterdesk.audit_archive_through', p_last_seq::text, true);
    DELETE FROM "audit_event" WHERE "seq" <= p_last_seq;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('clusterdesk.audit_archive_through', '', true);
    RETURN deleted;
END;
$$;

-- PostgreSQL grants EXECUTE to PUBLIC by default; the runtime role gets it in runtime-grants.sql.
REVOKE ALL ON FUNCTION "audit_event_delete_archived"(BIGINT, BIGINT, CHAR(64), TEXT, CHAR(64), BIGINT) FROM PUBLIC;
