import { describe, expect, it } from "vitest";
import { clientAddress } from "./request-context";

describe("behind trusted proxies", () => {
  it("takes the address the outermost trusted proxy appended, ignoring what the client prepended", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.4", 2)).toBe("203.0.113.7");
  });

  it("accepts the address:port form Azure Application Gateway appends", () => {
    expect(clientAddress("203.0.113.7:52144", 1)).toBe("203.0.113.7");
    expect(clientAddress("[2001:db8::7]:52144", 1)).toBe("2001:db8::7");
  });

  it("records no address when the request passed fewer proxies than configured", () => {
    expect(clientAddress("203.0.113.7", 2)).toBeNull();
    expect(clientAddress(null, 1)).toBeNull();
  });

  it("never records an entry that is not an IP address", () => {
    for (const forged of ["<script>alert(1)</script>", "unknown", "203.0.113.7 OR 1=1", "999.1.1.1", "a".repeat(500), "_hidden", "203.0.113.7:99999"]) {
      expect(clientAddress(`198.51.100.1, ${forged}`, 1)).toBeNull();
    }
  });
});

describe("without a proxy", () => {
  it("uses the socket address Next.js put into X-Forwarded-For", () => {
    expect(clientAddress("::ffff:198.51.100.9", 0)).toBe("198.51.100.9");
    expect(clientAddress("::1", 0)).toBe("::1");
    expect(clientAddress(null, 0)).toBeNull();
  });

  it("ignores a chain a client sent: no proxy appended to it, so none of it is the peer", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 0)).toBeNull();
  });

  it("ignores a client's header that is not an address", () => {
    expect(clientAddress("evil\u0000value", 0)).toBeNull();
    expect(clientAddress("not-an-ip", 0)).toBeNull();
  });
});

describe("clientAddress with the launcher's front (peer address header)", () => {
  it("takes the socket's peer and ignores what the client put in X-Forwarded-For", () => {
    expect(clientAddress("6.6.6.6", 0, "::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6", 0, "::1")).toBe("::1");
  });

  it("gives no address when the front sent none or garbage, rather than trusting the client", () => {
    expect(clientAddress("6.6.6.6", 0, null)).toBeNull();
    expect(clientAddress("6.6.6.6", 0, "not-an-ip")).toBeNull();
  });

  it("behind trusted proxies still reads X-Forwarded-For: the peer is the nearest proxy", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1, "10.0.0.4")).toBe("203.0.113.7");
  });
});
