import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTerminal, type RequestEvent, requestEvents, type RequestStatus, requestStatuses, transition } from "./state-machine";

// Every allowed (status, event) pair and where it leads; everything else must be refused.
const allowed: Record<string, RequestStatus> = {
  "pending approve": "approved",
  "pending reject": "rejected",
  "pending cancel": "cancelled",
  "pending expire": "expired",
  "approved start": "applying",
  "applying start": "applying",
  "applying succeed": "applied",
  "applying fail": "failed",
  "failed retry": "applying",
};

describe("request state machine", () => {
  for (const status of requestStatuses) {
    for (const event of requestEvents) {
      const expected = allowed[`${status} ${event}`];
      it(`${event} on ${status} ${expected ? `→ ${expected}` : "is refused"}`, () => {
        const result = transition(status, event);
        if (expected) expect(result).toEqual({ ok: true, from: status, to: expected });
        else expect(result).toEqual({ ok: false, error: `Cannot ${event} a request that is ${status}.` });
      });
    }
  }

  it("never leaves a terminal status", () => {
    for (const status of requestStatuses.filter(isTerminal)) {
      for (const event of requestEvents) expect(transition(status, event).ok).toBe(false);
    }
  });

  it("only ever reaches applied through applying", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<RequestEvent>(...requestEvents), { maxLength: 20 }), (events) => {
        let status: RequestStatus = "pending";
        let previous: RequestStatus = status;
        for (const event of events) {
          const result = transition(status, event);
          if (!result.ok) continue;
          previous = status;
          status = result.to;
          if (status === "applied") expect(previous).toBe("applying");
        }
      }),
    );
  });
});
