-- The migrator and runtime roles and Clusterdesk's database, run with psql as the server's
-- administrator (on Azure Database for PostgreSQL, the admin created with the server, which is not a
-- superuser): `psql "$ADMIN_URL" -v migrator_password=… -v runtime_password=… -f database-roles.sql`.
-- Names default to clusterdesk, clusterdesk_migrator and clusterdesk_runtime (-v database=… etc. to
-- change them). Idempotent: existing roles get the given passwords again, nothing is dropped. The
-- runtime role's table rights are not granted here: the migration Job applies
-- deploy/database/runtime-grants.sql as the migrator after each migration (docs/DEPLOY.md).
\set ON_ERROR_STOP on
\if :{?database}
\else
  \set database clusterdesk
\endif
\if :{?migrator}
\else
  \set migrator clusterdesk_migrator
\endif
\if :{?runtime}
\else
  \set runtime clusterdesk_runtime
\endif
-- psql does not substitute variables inside dollar-quoted bodies, so each statement is built with
-- format() (%I quotes a name, %L the password as a literal) and run by \gexec.
SELECT format('CREATE ROLE %I LOGIN', :'migrator') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'migrator') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'migrator', :'migrator_password') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'runtime') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'runtime') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'runtime', :'runtime_password') \gexec
-- A non-superuser admin may give a database to a role only as a member of it.
SELECT format('GRANT %I TO %I', :'migrator', current_user) WHERE NOT pg_has_role(current_user, :'migrator', 'MEMBER') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'migrator') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'migrator') \gexec
-- Known gap (docs/DEPLOY.md): pg-boss creates its schema `pgboss` when it first starts.
SELECT format('GRANT CONNECT, CREATE ON DATABASE %I TO %I', :'database', :'runtime') \gexec
\connect :"database"
-- Since PostgreSQL 15 only the owner of `public` (or a superuser) may create in it: the migrator.
SELECT format('ALTER SCHEMA public OWNER TO %I', :'migrator') \gexec
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'runtime') \gexec
-- Tables the migrator creates later are the runtime role's to use at once; runtime-grants.sql, run
-- after each migration, then takes back what the runtime role must not do (the audit log's changes).
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', :'migrator', :'runtime') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', :'migrator', :'runtime') \gexec
