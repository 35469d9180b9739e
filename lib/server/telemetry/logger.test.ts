import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture(level: "debug" | "info" | "warn" | "error" = "debug") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, destination), lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGV4In0.c2lnbmF0dXJlLXBhcnQ";
const secrets = [jwt, "s3cr3t-client-value", "session-cookie-value", "pg-password-42", "refresh-abc-123", "assertion-xyz", "opaque-bearer-99"];

describe("the portal's logger", () => {
  it("writes one JSON line per call with level, time, message and fields", () => {
    const { logger, parsed } = capture();
    logger.info("inventory sync finished", { syncId: "s-1", clusters: 7 });
    expect(parsed()).toEqual([{ level: "info", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), message: "inventory sync finished", syncId: "s-1", clusters: 7 }]);
  });

  it("drops lines below its level", () => {
    const { logger, lines } = capture("warn");
    logger.info("not written");
    logger.debug("not written either");
    logger.warn("written");
    expect(lines).toHaveLength(1);
  });

  it("never writes a token, secret, cookie, password or assertion, by field name or by value", () => {
    const { logger, lines, parsed } = capture();
    logger.error("token request failed", {
      headers: { authorization: `Bearer ${jwt}`, cookie: "clusterdesk_session=session-cookie-value", "x-ms-client-request-id": "c-1" },
      clientSecret: "s3cr3t-client-value",
      nested: { deeper: { refreshToken: "refresh-abc-123", clientAssertion: "assertion-xyz" } },
      databaseUrl: "postgresql://clusterdesk:pg-password-42@db.internal:5432/clusterdesk",
      body: "grant_type=client_credentials&client_secret=s3cr3t-client-value&client_assertion=assertion-xyz",
      error: new Error(`401 from ARM: Authorization: Bearer opaque-bearer-99 and ${jwt}`),
      credentialFetches: 3,
    });
    logger.warn(`login failed for postgresql://u:pg-password-42@h/db with ${jwt}`);
    const output = lines.join("\n");
    for (const secret of secrets) expect(output).not.toContain(secret);
    const [first, second] = parsed();
    expect(first).toMatchObject({
      headers: { authorization: "[redacted]", cookie: "[redacted]", "x-ms-client-request-id": "c-1" },
      clientSecret: "[redacted]",
      databaseUrl: "postgresql://clusterdesk:[redacted]@db.internal:5432/clusterdesk",
      error: { name: "Error", message: expect.stringContaining("401 from ARM") },
      credentialFetches: 3,
    });
    expect(second?.message).toBe("login failed for postgresql://u:[redacted]@h/db with [redacted]");
  });

  it("keeps a signed audit checkpoint whole: its signature is public, and verified from the log", () => {
    const { logger, parsed } = capture();
    const checkpoint = { headSeq: "42", headHash: "ab".repeat(32), signedAt: "2026-11-30T06:00:00.000Z", keyId: "k-1", signature: "c2lnbmVkLWJ5LWVkMjU1MTk=" };
    logger.info("audit checkpoint signed", { occasion: "scheduled", checkpoint });
    expect(parsed()[0]).toMatchObject({ checkpoint });
  });
});
