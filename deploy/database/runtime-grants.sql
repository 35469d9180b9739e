-- The runtime role's rights in the clusterdesk database, run as the migrator (the owner of every table)
-- after each migration step: docs/DEPLOY.md, "Database roles". Tested by
-- lib/server/audit/runtime-role.int.test.ts, which runs this file for a role of its own.
GRANT USAGE ON SCHEMA public TO clusterdesk_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clusterdesk_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO clusterdesk_runtime;
-- The audit log: append and read only. The triggers refuse changes as well, but only the owner can
-- drop them, and the runtime role is not the owner.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint FROM clusterdesk_runtime;
-- The migration history is the migrator's: the launcher's --skip-migrations only reads it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM clusterdesk_runtime;
-- Audit retention: archived prefixes leave audit_event only through this function (runs as the migrator);
-- the archive table itself is written by that function alone.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_archive FROM clusterdesk_runtime;
GRANT EXECUTE ON FUNCTION audit_event_delete_archived(BIGINT, BIGINT, CHAR(64), TEXT, CHAR(64), BIGINT) TO clusterdesk_runtime;
