import { describe, expect, it } from "vitest";
import { parseFilter, parseSearch } from "./query";

const people = [
  { id: "1", displayName: "Alice Nguyen", mail: "alice.nguyen@x.test" },
  { id: "2", displayName: "Aliyu Bello", mail: "aliyu.bello@x.test" },
  { id: "3", displayName: "Liam O'Brien", mail: "liam.obrien@x.test" },
];
const ids = (predicate: (item: (typeof people)[number]) => boolean) => people.filter(predicate).map((person) => person.id);

describe("Graph $search", () => {
  it("matches word prefixes in displayName", () => expect(ids(parseSearch('"displayName:bel"', ["displayName", "mail"]))).toEqual(["2"]));
  it("joins clauses with OR", () => expect(ids(parseSearch('"displayName:ali" OR "mail:liam"', ["displayName", "mail"]))).toEqual(["1", "2", "3"]));
  it("joins clauses with AND", () => expect(ids(parseSearch('"displayName:ali" AND "mail:aliyu"', ["displayName", "mail"]))).toEqual(["2"]));
  it("rejects unquoted search", () => expect(() => parseSearch("ali", ["displayName"])).toThrow(/Syntax error/));
});

describe("Graph $filter", () => {
  it("supports startswith", () => expect(ids(parseFilter("startswith(displayName,'ali')", ["displayName"]))).toEqual(["1", "2"]));
  it("supports escaped quotes and eq", () => expect(ids(parseFilter("displayName eq 'Liam O''Brien'", ["displayName"]))).toEqual(["3"]));
  it("supports id in (...)", () => expect(ids(parseFilter("id in ('1','3')", ["id"]))).toEqual(["1", "3"]));
  it("refuses advanced queries", () => expect(() => parseFilter("endswith(mail,'test')", ["mail"])).toThrow(/Unsupported/));
});

describe("Graph $filter on a collection property", () => {
  const principals = [
    { id: "a", servicePrincipalNames: ["c1000000-0000-4000-8000-000000000002", "api://ci-deployer"] },
    { id: "b", servicePrincipalNames: ["0b5c9e70-0000-4000-8000-000000000001"] },
  ];
  it("supports any() with eq, as `az role assignment --assignee` sends it", () =>
    expect(principals.filter(parseFilter("servicePrincipalNames/any(c:c eq 'API://CI-deployer')", ["servicePrincipalNames"])).map((p) => p.id)).toEqual(["a"]));
  it("refuses any() on a property that cannot be filtered", () =>
    expect(() => parseFilter("businessPhones/any(p:p eq '1')", ["servicePrincipalNames"])).toThrow(/Unsupported/));
});
