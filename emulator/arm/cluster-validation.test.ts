import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidCidr, validateClusterName, validateClusterProperties } from "./cluster-validation";

const pool = { name: "system", count: 1, vmSize: "Standard_D2s_v5", mode: "System", osType: "Linux" } as const;

describe("cluster validation", () => {
  it.each(["1.2.3.4/32", "10.0.0.0/8", "203.0.113.7", "2001:db8::/32"])("accepts %s", (cidr) => expect(isValidCidr(cidr)).toBe(true));
  it.each(["300.1.1.1/32", "1.2.3.4/33", "1.2.3/24", "abc", "", " 1.2.3.4/32", "1.2.3.4/"])("rejects %j", (cidr) => expect(isValidCidr(cidr)).toBe(false));

  it("accepts every well-formed IPv4 CIDR", () => {
    fc.assert(fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, bits) => isValidCidr(`${ip}/${bits}`)));
  });

  it("rejects a bad CIDR with InvalidParameter and a target", () => {
    const error = validateClusterProperties({ apiServerAccessProfile: { authorizedIPRanges: ["1.2.3.4/99"] } }, false);
    expect(error?.code).toBe("InvalidParameter");
    expect(error?.target).toBe("properties.apiServerAccessProfile.authorizedIPRanges");
  });

  it("refuses authorized ranges on a private cluster and more than 200 ranges", () => {
    expect(validateClusterProperties({ apiServerAccessProfile: { enablePrivateCluster: true, authorizedIPRanges: ["1.2.3.4/32"] } }, false)?.status).toBe(400);
    const many = Array.from({ length: 201 }, (_, index) => `10.0.${Math.floor(index / 256)}.${index % 256}/32`);
    expect(validateClusterProperties({ apiServerAccessProfile: { authorizedIPRanges: many } }, false)?.message).toMatch(/201/);
    expect(validateClusterProperties({ apiServerAccessProfile: { authorizedIPRanges: many.slice(0, 200) } }, false)).toBeUndefined();
  });

  it("checks enums and the system pool on create", () => {
    expect(validateClusterProperties({ networkProfile: { networkPolicy: "weave" } }, false)?.target).toBe("properties.networkProfile.networkPolicy");
    expect(validateClusterProperties({ agentPoolProfiles: [{ ...pool, mode: "User" }] }, true)?.code).toBe("MustDefineAtLeastOneSystemPool");
    expect(validateClusterProperties({ agentPoolProfiles: [pool] }, true)).toBeUndefined();
  });

  it("validates names", () => {
    expect(validateClusterName("aks-1")).toBeUndefined();
    expect(validateClusterName("-bad")?.code).toBe("InvalidParameter");
  });
});
