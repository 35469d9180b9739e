import { expect, it } from "vitest";
import { pagePosition } from "./page-position";

it("places a page within the list", () => {
  expect(pagePosition({ page: 2, pageSize: 50, total: 120 })).toEqual({ pages: 3, first: 51, last: 100, label: "Page 2 of 3", beyondEnd: false });
  expect(pagePosition({ page: 1, pageSize: 50, total: 0 })).toEqual({ pages: 1, first: 0, last: 0, label: "Page 1 of 1", beyondEnd: false });
});

it("does not label a page past the end as the first one", () => {
  expect(pagePosition({ page: 99, pageSize: 50, total: 20 })).toEqual({ pages: 1, first: 0, last: 0, label: "Page 99 is past the end: there is 1 page", beyondEnd: true });
  expect(pagePosition({ page: 5, pageSize: 10, total: 25 }).label).toBe("Page 5 is past the end: there are 3 pages");
});
