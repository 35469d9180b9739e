-- CreateEnum
CREATE TYPE "audit_actor_kind" AS ENUM ('user', 'system');

-- CreateEnum
CREATE TYPE "audit_outcome" AS ENUM ('success', 'failure', 'denied');

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_kind" "audit_actor_kind" NOT NULL,
    "actor_object_id" TEXT,
    "actor_name" TEXT,
    "actor_upn" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "cluster_id" TEXT,
    "tenant_id" TEXT,
    "outcome" "audit_outcome" NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "correlation_id" TEXT,
    "client_ip" TEXT,
    "user_agent" TEXT,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_prev_hash_key" ON "audit_event"("prev_hash");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_actor_object_id_seq_idx" ON "audit_event"("actor_object_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_action_seq_idx" ON "audit_event"("action", "seq");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_seq_idx" ON "audit_event"("target_type", "target_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_cluster_id_seq_idx" ON "audit_event"("cluster_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_tenant_id_seq_idx" ON "audit_event"("tenant_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_outcome_seq_idx" ON "audit_event"("outcome", "seq");

-- CreateIndex
CREATE INDEX "audit_event_correlation_id_idx" ON "audit_event"("correlation_id");


-- Hand-written: audit_event is append-only. Row-level BEFORE triggers refuse UPDATE and DELETE,
-- a statement-level trigger refuses TRUNCATE (which fires no row triggers). The hash chain
-- (lib/server/audit) makes tampering by someone who can drop these triggers detectable.
CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_refuse_update_delete"
    BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

CREATE TRIGGER "audit_event_refuse_truncate"
    BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
