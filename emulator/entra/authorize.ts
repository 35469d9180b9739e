import { findServicePrincipalByAppId, findUser } from "../directory";
import { redirect, sendHtml, type Exchange } from "../http/exchange";
import { demoPassword } from "../seed/organisation";
import type { EmulatorState } from "../state";
import { clientInfo } from "./claims";
import type { GrantStore } from "./grants";
import { isRegisteredRedirectUri } from "./redirect-uris";
import { errorPage, signInPage } from "./sign-in-page";

/**
 * GET /{tenant}/oauth2/v2.0/authorize shows the sign-in page; the page posts back to the same URL
 * with the original query carried in `pending`. Errors the client cannot be trusted with (unknown
 * client, unregistered redirect URI) are shown as a page, the rest go back to the redirect URI.
 */
export type AuthorizeContext = { state: () => EmulatorState; grants: GrantStore; extraRedirectUris: readonly string[] };

type Checked = { ok: true; params: URLSearchParams; redirectUri: string; clientId: string } | { ok: false };

function check(exchange: Exchange, params: URLSearchParams, context: AuthorizeContext): Checked {
  const clientId = params.get("client_id") ?? "";
  const state = context.state();
  const application = findServicePrincipalByAppId(state, clientId);
  if (!application) {
    sendHtml(exchange, 400, errorPage("AADSTS700016", `Application with identifier '${clientId}' was not found in the directory '${state.tenantId}'.`));
    return { ok: false };
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!isRegisteredRedirectUri(application, redirectUri, context.extraRedirectUris)) {
    sendHtml(exchange, 400, errorPage("AADSTS50011", `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`));
    return { ok: false };
  }
  const fail = (error: string, description: string) => {
    const target = new URL(redirectUri);
    target.searchParams.set("error", error);
    target.searchParams.set("error_description", description);
    const stateParam = params.get("state");
    if (stateParam) target.searchParams.set("state", stateParam);
    redirect(exchange, target.toString());
    return { ok: false } as const;
  };
  if (params.get("response_type") !== "code") return fail("unsupported_response_type", "AADSTS700054: response_type must be 'code' for this emulator.");
  if (!params.get("code_challenge") || params.get("code_challenge_method") !== "S256") {
    return fail("invalid_request", "AADSTS9002325: Proof Key for Code Exchange with code_challenge_method S256 is required.");
  }
  if (params.get("prompt") === "none") return fail("login_required", "AADSTS50058: A silent sign-in request was sent but no user is signed in.");
  return { ok: true, params, redirectUri, clientId };
}

export function showSignIn(exchange: Exchange, context: AuthorizeContext): void {
  const checked = check(exchange, exchange.url.searchParams, context);
  if (!checked.ok) return;
  const pending = Buffer.from(exchange.url.searchParams.toString()).toString("base64url");
  sendHtml(exchange, 200, signInPage({ users: context.state().users, pending, loginHint: checked.params.get("login_hint") ?? undefined, demoPassword }));
}

export async function completeSignIn(exchange: Exchange, context: AuthorizeContext): Promise<void> {
  const form = new URLSearchParams(await exchange.body());
  const original = new URLSearchParams(Buffer.from(form.get("pending") ?? "", "base64url").toString("utf8"));
  const checked = check(exchange, original, context);
  if (!checked.ok) return;
  const state = context.state();
  const account = form.get("account");
  const user = findUser(state, account ?? form.get("username") ?? "");
  const pending = form.get("pending") ?? "";
  if (!account && (!user || form.get("password") !== demoPassword)) {
    sendHtml(exchange, 200, signInPage({ users: state.users, pending, loginHint: form.get("username") ?? undefined, demoPassword, error: "Your account or password is incorrect." }));
    return;
  }
  if (!user) {
    sendHtml(exchange, 400, errorPage("AADSTS50034", `The user account ${account ?? ""} does not exist in the directory.`));
    return;
  }
  if (!user.accountEnabled) {
    sendHtml(exchange, 400, errorPage("AADSTS50057", "The user account is disabled."));
    return;
  }
  const code = context.grants.issueCode({
    clientId: checked.clientId, redirectUri: checked.redirectUri, codeChallenge: original.get("code_challenge") ?? "",
    nonce: original.get("nonce") ?? undefined, userId: user.id, scope: original.get("scope") ?? "openid profile",
  });
  const target = new URL(checked.redirectUri);
  target.searchParams.set("code", code);
  if (original.get("client_info") === "1") target.searchParams.set("client_info", clientInfo(user.id, state.tenantId));
  const stateParam = original.get("state");
  if (stateParam) target.searchParams.set("state", stateParam);
  target.searchParams.set("session_state", user.id);
  redirect(exchange, target.toString());
}
