-- Audit review at millions of events: every filtered page is an ORDER BY seq DESC LIMIT n branch
-- served by a (column, seq) index. The correlation id gets its seq; a narrow time range picks seqs
-- from (occurred_at, seq) alone; a lead's category filter (tenant x action) gets its own.
-- DropIndex
DROP INDEX "audit_event_occurred_at_idx";

-- DropIndex
DROP INDEX "audit_event_correlation_id_idx";

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_seq_idx" ON "audit_event"("occurred_at", "seq");

-- CreateIndex
CREATE INDEX "audit_event_correlation_id_seq_idx" ON "audit_event"("correlation_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_tenant_id_action_seq_idx" ON "audit_event"("tenant_id", "action", "seq");

