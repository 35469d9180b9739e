import { describe, expect, it } from "vitest";
import { pickerOptionOf, resultCountMessage } from "./people-picker";

const base = { objectId: "10000000-0000-4000-8000-000000000007", displayName: "Liam O'Brien", mail: null, memberCount: null };

describe("people picker options", () => {
  it("names a user by UPN, falling back to mail", () => {
    expect(pickerOptionOf({ ...base, type: "User", userPrincipalName: "liam@x.test", mail: "l@x.test" }).detail).toBe("liam@x.test");
    expect(pickerOptionOf({ ...base, type: "User", userPrincipalName: null, mail: "l@x.test" }).detail).toBe("l@x.test");
  });
  it("gives a group's size, singular, plural or unknown", () => {
    expect(pickerOptionOf({ ...base, type: "Group", userPrincipalName: null, memberCount: 1 }).detail).toBe("Group · 1 member");
    expect(pickerOptionOf({ ...base, type: "Group", userPrincipalName: null, memberCount: 3 }).detail).toBe("Group · 3 members");
    expect(pickerOptionOf({ ...base, type: "Group", userPrincipalName: null, memberCount: null }).detail).toBe("Group · size unknown");
  });
  it("announces the result count", () => {
    expect(resultCountMessage(0)).toBe("No user or group matches.");
    expect(resultCountMessage(1)).toMatch(/^1 result available/);
    expect(resultCountMessage(4)).toMatch(/^4 results available/);
  });
});
