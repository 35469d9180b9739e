import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The export's columns, every one as text (lib/audit/export-line.ts writes the line): `pg` then hands
 * over the strings PostgreSQL sent, with no Date, BigInt or jsonb parsing per row. Formatting whole
 * lines in SQL was measured too: it saved this process ~30% CPU but cost PostgreSQL more than that
 * (bench:audit-review's server CPU), so the cells are encoded here. Aliased so that no output column is
 * named seq: the query's ORDER BY seq would then sort that text.
 */
export const exportLineColumns = Prisma.raw(
  `seq::text AS seq_text, (extract(epoch FROM occurred_at) * 1000)::bigint::text AS occurred_ms, actor_kind::text AS actor_kind_text,
   actor_object_id, actor_name, actor_upn, action, target_type, target_id, cluster_id, tenant_id, outcome::text AS outcome_text,
   before::text AS before_text, after::text AS after_text, reason, correlation_id, client_ip, user_agent, prev_hash, hash`,
);
