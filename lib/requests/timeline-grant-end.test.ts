import { expect, it } from "vitest";
import { timelineOf } from "./timeline";

const base = { occurredAt: new Date(0), actorKind: "system", actorName: null, after: null, outcome: "success" };

it("phrases the end of a granted access on the grant's own request: end moved, expired, revoked", () => {
  const entries = timelineOf([
    { ...base, seq: 1n, action: "access.grant_expiry_moved", actorKind: "user", actorName: "Alex Admin", reason: "Test hook: moved." },
    { ...base, seq: 2n, action: "access.grant_expired", reason: "Writer for Chen Wei in search-dev reached its end; revocation #9." },
    { ...base, seq: 3n, action: "access.grant_revoked", reason: "Writer for Chen Wei in search-dev revoked by request #9." },
  ]);
  expect(entries.map((entry) => [entry.title, entry.detail, entry.tone])).toEqual([
    ["End moved by Alex Admin", "Test hook: moved.", "neutral"],
    ["Expired", "Writer for Chen Wei in search-dev reached its end; revocation #9.", "neutral"],
    ["Access revoked", "Writer for Chen Wei in search-dev revoked by request #9.", "neutral"],
  ]);
});
