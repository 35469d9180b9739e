import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import RequestsError from "./(portal)/requests/error";
import ErrorPage from "./error";
import GlobalError from "./global-error";

// An error boundary runs when the server failed at some point after receiving the request, possibly
// after a change was committed: it cannot know that nothing changed, so it must not say so.
const error = Object.assign(new Error("boom"), { digest: "1234567" });
const reset = () => undefined;
const pages = {
  "the portal's error page": renderToStaticMarkup(<ErrorPage error={error} reset={reset} />),
  "the requests error page": renderToStaticMarkup(<RequestsError error={error} reset={reset} />),
  "the root error page": renderToStaticMarkup(<GlobalError error={error} reset={reset} />),
};

describe.each(Object.entries(pages))("%s", (_name, html) => {
  it("says the outcome of a change is unknown instead of claiming nothing changed", () => {
    expect(html).not.toMatch(/nothing (you entered )?was changed/i);
    expect(html).toMatch(/may or may not have/);
  });

  it("gives the reference for the administrator", () => {
    expect(html).toContain("1234567");
  });
});

it("sends the user to the requests list to check", () => {
  expect(pages["the portal's error page"]).toContain('href="/requests"');
  expect(pages["the root error page"]).toContain('href="/requests"');
});
