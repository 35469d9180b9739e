import { describe, expect, it } from "vitest";
import { context, hardenedCluster } from "./cluster-builder.test-helper";
import { evaluatePosture } from "./evaluate";
import { postureFromStored, storedPosture } from "./stored";

describe("stored posture", () => {
  const evaluation = evaluatePosture(hardenedCluster(), context);

  it("round-trips to the same evaluation through JSON, as the cache stores it", () => {
    const stored = JSON.parse(JSON.stringify(storedPosture(evaluation))) as ReturnType<typeof storedPosture>;
    expect(postureFromStored(stored)).toEqual(evaluation);
  });

  it("keeps what was observed on the cluster and leaves out the rules' own text", () => {
    const stored = storedPosture(evaluation);
    expect(stored.findings.map((finding) => Object.keys(finding).sort())).toEqual(evaluation.findings.map(() => ["detail", "fix", "id", "severity", "status"]));
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(evaluation).length / 2);
  });

  it("reads rows written before, and shows their own text for a rule this build no longer has", () => {
    const retired = { id: "retired-rule", status: "fail", severity: "low", title: "A retired rule", detail: "seen", why: "because", fix: "az …", docsUrl: "https://learn.microsoft.com/x" };
    const old = { ...evaluation, findings: [...evaluation.findings, retired] } as unknown as ReturnType<typeof storedPosture>;
    const read = postureFromStored(old);
    expect(read.findings.slice(0, -1)).toEqual(evaluation.findings);
    expect(read.findings.at(-1)).toEqual(retired);
  });
});
