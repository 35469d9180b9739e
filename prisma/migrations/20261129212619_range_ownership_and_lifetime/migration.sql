-- AlterTable
ALTER TABLE "change_request" ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "authorized_ip_range" ADD COLUMN     "tenant_id" TEXT;


-- Ranges added by a tenant's request belong to that tenant.
UPDATE "authorized_ip_range" AS r
SET "tenant_id" = cr."tenant_id"
FROM "change_request" AS cr
WHERE r."request_id" = cr."id" AND r."tenant_id" IS NULL;

-- Requests used to carry an absolute expiry computed when they were made; they now carry the lifetime
-- asked for, counted from the moment the range is applied. The lifetime is what the requester chose
-- (expiry minus creation, rounded to the minute); applied ranges keep their expiry in authorized_ip_range.
UPDATE "change_request"
SET "payload" = jsonb_set(
  "payload",
  '{add}',
  (
    SELECT COALESCE(jsonb_agg(
      (entry - 'expiresAt') || jsonb_build_object(
        'lifetimeSeconds',
        CASE
          WHEN entry->>'expiresAt' IS NULL THEN NULL
          ELSE GREATEST(60, ROUND(EXTRACT(EPOCH FROM ((entry->>'expiresAt')::timestamptz - ("created_at" AT TIME ZONE 'UTC'))) / 60) * 60)::integer
        END
      )
      ORDER BY position
    ), '[]'::jsonb)
    FROM jsonb_array_elements("payload"->'add') WITH ORDINALITY AS added(entry, position)
  )
)
WHERE "kind" = 'authorized-ip-ranges' AND jsonb_typeof("payload"->'add') = 'array';
