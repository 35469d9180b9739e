import { describe, expect, it } from "vitest";
import { humanDuration } from "./human-duration";
import { wantsTable } from "./table";

describe("tables", () => {
  it("formats ages as duration.HumanDuration does", () => {
    const cases: [number, string][] = [[-5, "<invalid>"], [0, "0s"], [119, "119s"], [120, "2m"], [125, "2m5s"], [600, "10m"], [3 * 3600, "3h"], [3 * 3600 + 60, "3h1m"], [9 * 3600, "9h"], [50 * 3600, "2d2h"], [10 * 86400, "10d"], [800 * 86400, "2y70d"], [3000 * 86400, "8y"]];
    for (const [seconds, shown] of cases) expect(humanDuration(seconds * 1000), String(seconds)).toBe(shown);
  });

  it("serves tables only when the first accepted type asks for one", () => {
    expect(wantsTable("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json")).toBe(true);
    expect(wantsTable("application/json")).toBe(false);
    expect(wantsTable("application/json;as=Table;v=v2;g=meta.k8s.io")).toBe(false);
  });
});
