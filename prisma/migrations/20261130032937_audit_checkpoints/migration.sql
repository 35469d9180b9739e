-- CreateTable
CREATE TABLE "audit_checkpoint" (
    "id" BIGSERIAL NOT NULL,
    "head_seq" BIGINT NOT NULL,
    "head_hash" CHAR(64) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_checkpoint_head_seq_idx" ON "audit_checkpoint"("head_seq");


-- Hand-written: checkpoints are append-only like the events they sign.
CREATE FUNCTION "audit_checkpoint_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_checkpoint is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_checkpoint_refuse_update_delete"
    BEFORE UPDATE OR DELETE ON "audit_checkpoint"
    FOR EACH ROW EXECUTE FUNCTION "audit_checkpoint_refuse_change"();

CREATE TRIGGER "audit_checkpoint_refuse_truncate"
    BEFORE TRUNCATE ON "audit_checkpoint"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_checkpoint_refuse_change"();
