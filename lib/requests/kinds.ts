import { z } from "zod";

/**
 * What each kind of change request carries. The payload is validated again on the server from the
 * stored JSON before execution, so a request written by an older version cannot run half-understood.
 */
export const authorizedIpRangeChangePayload = z
  .object({
    add: z
      .array(
        z.object({
          range: z.string().min(1),
          /**
           * How long the range stays once it is on the cluster; null keeps it until someone removes it.
           * A duration, not a time: the expiry is computed when the range is applied, so a range
           * approved late still gets the time asked for.
           */
          lifetimeSeconds: z.number().int().positive().nullable(),
          owner: z.string().max(200).nullable(),
        }),
      )
      .max(200),
    remove: z.array(z.string().min(1)).max(200),
  })
  .refine((payload) => payload.add.length + payload.remove.length > 0, { message: "The request changes nothing." });

export type AuthorizedIpRangeChangePayload = z.infer<typeof authorizedIpRangeChangePayload>;

export const requestKinds = {
  "authorized-ip-ranges": { label: "API server IP ranges", payload: authorizedIpRangeChangePayload },
} as const;

export type RequestKind = keyof typeof requestKinds;

export function isRequestKind(kind: string): kind is RequestKind {
  return kind in requestKinds;
}
