import { describe, expect, it } from "vitest";
import { clientKey } from "./client-key";

describe("clientKey", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::ffff:192.0.2.1", "0:0:0:0::/64"],
    ["1:2:3:4:5:6:192.0.2.1", "1:2:3:4::/64"],
    [null, "unknown"],
    ["", "unknown"],
    ["not-an-address", "unparseable"],
    ["198.51.100.7, 203.0.113.9", "unparseable"],
  ])("keys %j as %j", (address, expected) => expect(clientKey(address)).toBe(expected));

  it("puts every address of one /64 under one key", () => {
    expect(clientKey("2001:db8:aa:bb:1::1")).toBe(clientKey("2001:db8:aa:bb:ffff:ffff:ffff:ffff"));
    expect(clientKey("2001:db8:aa:bb::1")).not.toBe(clientKey("2001:db8:aa:bc::1"));
  });
});
