import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeFirstLoadJs, routePathOf } from "./route-js-size";

/**
 * Runs after `next build` (the `bundle` step of `npm test`): no route may make a browser download
 * more than 150 KB (KiB) of gzipped JavaScript before it is interactive. The framework alone is
 * about 128 KB, so the budget leaves ~22 KB for our own client components: one import of a zod
 * schema into a client component (zod + ipaddr.js, ~36 KB) breaks it, which is the point.
 */
const budgetBytes = 150 * 1024;
const distDir = path.join(import.meta.dirname, "..", "..", ".next");
const appDir = path.join(import.meta.dirname, "..", "..", "app");

async function sourcePages(): Promise<string[]> {
  const entries = await readdir(appDir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "page.tsx")
    .map((entry) => routePathOf(`/${path.relative(appDir, path.join(entry.parentPath, "page"))}`))
    .sort();
}

describe("first-load JavaScript of the production build", () => {
  it("is under 150 KB gzipped on every page route", async () => {
    expect(existsSync(path.join(distDir, "build-manifest.json")), "no production build in .next: run `next build` first").toBe(true);
    const { framework, routes } = await routeFirstLoadJs(distDir);
    // A build without some page (stale, or a manifest format we no longer read) must not pass by measuring nothing.
    expect(routes.map((route) => route.route)).toEqual(expect.arrayContaining(await sourcePages()));
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log([`framework ${kb(framework.gzipBytes)}`, ...routes.map((route) => `${route.route} ${kb(route.gzipBytes)}`)].join("\n"));
    const over = routes.filter((route) => route.gzipBytes >= budgetBytes).map((route) => `${route.route}: ${kb(route.gzipBytes)}`);
    expect(over, `routes over the ${kb(budgetBytes)} budget`).toEqual([]);
  });
});
