import { expect, it } from "vitest";
import { clientAddress } from "./request-context";

it("takes the address the outermost trusted proxy appended, ignoring what the client prepended", () => {
  expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
  expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.4", 2)).toBe("203.0.113.7");
});

it("without a proxy, uses the socket address Next.js filled in", () => {
  expect(clientAddress("::ffff:198.51.100.9", 0)).toBe("198.51.100.9");
  expect(clientAddress("::1", 0)).toBe("::1");
  expect(clientAddress(null, 0)).toBeNull();
});
