import { describe, expect, it } from "vitest";
import { WatchHub } from "./watch-hub";

describe("the watch history", () => {
  it("replays events after a revision and expires revisions older than the 1024 it keeps", () => {
    const hub = new WatchHub();
    for (let revision = 1; revision <= 1100; revision += 1) hub.publish({ type: "ADDED", revision, resourceKey: "|configmaps", namespace: "n", object: {} });
    expect(hub.since(1098)?.map((event) => event.revision)).toEqual([1099, 1100]);
    expect(hub.since(76)).toHaveLength(1024);
    expect(hub.since(75)).toBeUndefined();
  });
});
