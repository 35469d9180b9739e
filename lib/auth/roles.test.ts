import { expect, it } from "vitest";
import { portalRolesFor } from "./roles";

const config = { adminGroupIds: ["AAAA0000-0000-4000-8000-000000000001"], auditorGroupIds: ["bbbb0000-0000-4000-8000-000000000002"] };

it("maps admin and auditor groups to portal roles, case-insensitively", () => {
  expect(portalRolesFor(["aaaa0000-0000-4000-8000-000000000001"], config)).toEqual(["admin"]);
  expect(portalRolesFor(["BBBB0000-0000-4000-8000-000000000002"], config)).toEqual(["auditor"]);
  expect(portalRolesFor(["aaaa0000-0000-4000-8000-000000000001", "bbbb0000-0000-4000-8000-000000000002"], config)).toEqual(["admin", "auditor"]);
});

it("gives no role to members of other groups", () => {
  expect(portalRolesFor(["cccc0000-0000-4000-8000-000000000003"], config)).toEqual([]);
  expect(portalRolesFor([], config)).toEqual([]);
});
