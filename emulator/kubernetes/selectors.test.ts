import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from "./selectors";

const labels = { app: "api", tier: "web", "clusterdesk.io/tenant": "payments" };
const matches = (selector: string, subject: Record<string, string> = labels) => matchesLabels(parseLabelSelector(selector), subject);

describe("label selectors", () => {
  it.each([
    ["app=api", true],
    ["app==api", true],
    ["app!=api", false],
    ["app!=db", true],
    ["missing!=x", true],
    ["app in (api,db)", true],
    ["app in (db)", false],
    ["app notin (db, cache)", true],
    ["missing notin (db)", true],
    ["app notin (api)", false],
    ["clusterdesk.io/tenant", true],
    ["missing", false],
    ["!missing", true],
    ["!app", false],
    ["app=api,tier=web", true],
    ["app=api,tier=db", false],
    ["app in (api,db),!missing,clusterdesk.io/tenant=payments", true],
    ["", true],
  ])("%s → %s", (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it("rejects malformed keys and values with 400", () => {
    expect(() => parseLabelSelector("a b=c")).toThrow(/invalid label key/);
    expect(() => parseLabelSelector("app=a b")).toThrow(/invalid label value/);
  });

  it("an empty selector matches everything, `key` and `!key` partition every label set", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.stringMatching(/^[a-z]{0,5}$/)), fc.stringMatching(/^[a-z]{1,5}$/), (subject, key) => {
        expect(matches("", subject)).toBe(true);
        expect(matches(key, subject)).toBe(!matches(`!${key}`, subject));
        expect(matches(`${key} in (x)`, subject)).toBe(!matches(`${key} notin (x)`, subject));
      }),
    );
  });
});

describe("field selectors", () => {
  const fields = { "metadata.name": "a", "metadata.namespace": "ns", "status.phase": "Running" };
  it("supports =, == and != on the supported fields", () => {
    expect(matchesFields(parseFieldSelector("status.phase=Running", ["status.phase"]), fields)).toBe(true);
    expect(matchesFields(parseFieldSelector("status.phase!=Running", ["status.phase"]), fields)).toBe(false);
    expect(matchesFields(parseFieldSelector("metadata.name==a,metadata.namespace=ns", ["metadata.name", "metadata.namespace"]), fields)).toBe(true);
  });
  it("rejects unsupported fields as the API server does", () => {
    expect(() => parseFieldSelector("spec.foo=x", ["metadata.name"])).toThrow("field label not supported: spec.foo");
  });
});
