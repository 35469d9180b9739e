import { afterEach, describe, expect, it, vi } from "vitest";
import { launcherLogger } from "./launcher-log";

afterEach(() => vi.restoreAllMocks());

describe("the launcher's lines on a terminal", () => {
  it("are plain [clusterdesk] text, redacted, errors on stderr", () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => err.push(String(chunk)) > 0);
    const log = launcherLogger("info", true);
    log.info("local mode: portal on http://localhost:3000");
    log.debug("not shown");
    log.error("could not reach postgresql://clusterdesk:hunter2-secret@db/clusterdesk", { headers: { authorization: "Bearer abc.def" } });
    expect(out).toEqual(["[clusterdesk] local mode: portal on http://localhost:3000\n"]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("[clusterdesk] could not reach postgresql://clusterdesk:[redacted]@db/clusterdesk");
    expect(err[0]).not.toContain("hunter2-secret");
    expect(err[0]).not.toContain("abc.def");
  });
});
