import { describe, expect, it } from "vitest";
import { firstLoadFiles, parseClientReferenceManifest, routePathOf } from "./route-js-size";

describe("routePathOf", () => {
  it("drops route groups and the page segment", () => {
    expect(routePathOf("/(portal)/clusters/(list)/page")).toBe("/clusters");
    expect(routePathOf("/(portal)/page")).toBe("/");
    expect(routePathOf("/(portal)/clusters/[subscriptionId]/[resourceGroup]/[name]/ip-ranges/page")).toBe("/clusters/[subscriptionId]/[resourceGroup]/[name]/ip-ranges");
    expect(routePathOf("/_not-found/page")).toBe("/_not-found");
  });
});

describe("firstLoadFiles", () => {
  it("counts the framework and every segment's chunks once each", () => {
    const files = firstLoadFiles(
      { rootMainFiles: ["static/chunks/framework.js", "static/chunks/runtime.js"] },
      { entryJSFiles: { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/page": ["static/chunks/layout.js", "static/chunks/page.js", "static/chunks/runtime.js"] } },
    );
    expect(files).toEqual(["static/chunks/framework.js", "static/chunks/runtime.js", "static/chunks/layout.js", "static/chunks/page.js"]);
  });

  it("is the framework alone for a route without client segments", () => {
    expect(firstLoadFiles({ rootMainFiles: ["static/chunks/framework.js"] }, {})).toEqual(["static/chunks/framework.js"]);
  });
});

describe("parseClientReferenceManifest", () => {
  it("reads the entries a manifest script assigns, without touching the real global", () => {
    const source = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/(portal)/tenants/page"] = {"entryJSFiles":{"[project]/app/layout":["static/chunks/a.js"]}};`;
    const manifests = parseClientReferenceManifest(source);
    expect([...manifests.keys()]).toEqual(["/(portal)/tenants/page"]);
    expect(manifests.get("/(portal)/tenants/page")?.entryJSFiles).toEqual({ "[project]/app/layout": ["static/chunks/a.js"] });
    expect("__RSC_MANIFEST" in globalThis).toBe(false);
  });
});
