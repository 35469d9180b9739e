import { describe, expect, it } from "vitest";
import { apiServerExposure } from "./exposure";

const access = (privateCluster: boolean, authorizedIpRanges: string[]) => ({
  apiServerAccess: { privateCluster, authorizedIpRanges, publicFqdn: null, privateFqdn: null },
});

describe("apiServerExposure", () => {
  it("classifies a private cluster as private, whatever its allow-list says", () => {
    expect(apiServerExposure(access(true, []))).toBe("private");
    expect(apiServerExposure(access(true, ["203.0.113.0/24"]))).toBe("private");
  });
  it("classifies a public API server with an allow-list as authorized-ranges", () => {
    expect(apiServerExposure(access(false, ["203.0.113.0/24"]))).toBe("authorized-ranges");
  });
  it("classifies a public API server without an allow-list as open", () => {
    expect(apiServerExposure(access(false, []))).toBe("open");
  });
});
