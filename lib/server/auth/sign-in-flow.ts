import "server-only";
import { CryptoProvider } from "@azure/msal-node";
import { safeReturnTo } from "@/lib/auth/return-to";
import { env } from "@/lib/env";
import { clientKey } from "@/lib/rate-limit/client-key";
import { appendAuditEvent, recordAuditEvent } from "@/lib/server/audit/append-audit-event";
import { memberGroupIdsOf } from "@/lib/server/azure/graph";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";
import { entraApplication, redeemAuthorizationCode, signInScopes } from "./entra";
import { countRejectedCallback } from "./rejected-callbacks";
import { storeSignInAttempt } from "./sign-in-attempts";
import { newSecretToken, sessionIdOf } from "./sessions";
import { sessionPolicy } from "./session-policy";
import { type IdTokenClaims, identityFromClaims } from "./id-token-claims";

import type { AuditEventInput } from "@/lib/audit/audit-event-input";
import type { RequestContext } from "@/lib/server/request-context";

const redirectUri = () => `${env().baseUrl}/auth/callback`;

/** Starts the authorization-code flow with PKCE; state, nonce and verifier stay in the database. */
export async function startSignIn(returnTo: string, clientIp: string | null): Promise<{ attemptId: string; authorizationUrl: string }> {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const attempt = { id: newSecretToken(), state: newSecretToken(), nonce: newSecretToken() };
  await storeSignInAttempt({ ...attempt, codeVerifier: verifier, returnTo }, clientKey(clientIp));
  const authorizationUrl = await entraApplication().getAuthCodeUrl({
    scopes: signInScopes,
    redirectUri: redirectUri(),
    codeChallenge: challenge,
    codeChallengeMethod: "S256",
    state: attempt.state,
    nonce: attempt.nonce,
    responseMode: "query",
  });
  return { attemptId: attempt.id, authorizationUrl };
}

export type CallbackParameters = { attemptId: string | undefined; state: string | null; code: string | null; error: string | null };

import type { SignInFailure } from "@/lib/auth/sign-in-failures";

export type SignInResult =
  | { ok: true; sessionToken: string; returnTo: string; displayName: string }
  | { ok: false; failure: SignInFailure };

/** Completes the flow: redeems the code, resolves groups, opens a session and audits the outcome. */
export async function completeSignIn(parameters: CallbackParameters, context: RequestContext): Promise<SignInResult> {
  const attempt = parameters.attemptId
    ? await db().signInAttempt.delete({ where: { id: parameters.attemptId } }).catch(() => null)
    : null;
  const fail = async (reason: string, failure: SignInFailure, actor: AuditEventInput["actor"] = { kind: "user", objectId: null }): Promise<SignInResult> => {
    await recordAuditEvent({
      actor,
      action: "auth.sign_in",
      outcome: "failure",
      reason,
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
    return { ok: false, failure };
  };

  if (!attempt || attempt.expiresAt < new Date()) {
    // Anyone can send these: counted, not chained one by one (see rejected-callbacks.ts).
    const reason = !parameters.attemptId ? "missing_attempt" : attempt ? "expired_attempt" : "unknown_attempt";
    await countRejectedCallback(reason, clientKey(context.clientIp));
    return { ok: false, failure: "expired" };
  }
  if (parameters.state !== attempt.state) return fail("state mismatch", "mismatch");
  if (parameters.error || !parameters.code) return fail(`Entra ID returned ${parameters.error ?? "no code"}`, "cancelled");

  let claims: IdTokenClaims;
  try {
    claims = await redeemAuthorizationCode({
      code: parameters.code,
      scopes: signInScopes,
      redirectUri: redirectUri(),
      codeVerifier: attempt.codeVerifier,
      state: attempt.state,
      nonce: attempt.nonce,
    });
  } catch (error) {
    logger.warn("sign-in code redemption failed", { correlationId: context.correlationId, error });
    return fail("code redemption failed", "refused");
  }

  const identity = identityFromClaims(claims, env().tenantId);
  if (!identity.ok) return fail(identity.reason, "account");
  const user = identity.value;
  let groupIds = user.groupIds;
  if (user.groupsOverage) {
    // Without the groups Clusterdesk cannot tell admins from members: refuse rather than guess.
    const groups = await memberGroupIdsOf(user.objectId);
    const actor = { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName } as const;
    if (!groups.ok) return fail(`Microsoft Graph did not return the group memberships (${groups.status ? `HTTP ${groups.status}` : "no answer"})`, "directory", actor);
    groupIds = groups.groupIds;
  }

  const sessionToken = newSecretToken();
  const now = new Date();
  await db().$transaction(async (tx) => {
    await tx.user.upsert({
      where: { id: user.objectId },
      create: { id: user.objectId, entraTenantId: user.tenantId, displayName: user.displayName, userPrincipalName: user.userPrincipalName, lastSignInAt: now },
      update: { displayName: user.displayName, userPrincipalName: user.userPrincipalName, lastSignInAt: now },
    });
    await tx.session.create({
      data: {
        id: sessionIdOf(sessionToken),
        userId: user.objectId,
        groupIds: groupIds.map((id) => id.toLowerCase()),
        // The app's clock, as for every later comparison (the column default is the database's).
        groupsCheckedAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + sessionPolicy.absoluteTimeoutMs),
        clientIp: context.clientIp,
        userAgent: context.userAgent,
      },
    });
    await appendAuditEvent(tx, {
      actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
      action: "auth.sign_in",
      outcome: "success",
      target: { type: "session", id: sessionIdOf(sessionToken) },
      after: { groupsResolvedThrough: user.groupsOverage ? "graph" : "token", groupCount: groupIds.length },
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
  });
  // Checked again on the way out: an attempt stored by an older version may hold an unsafe path.
  return { ok: true, sessionToken, returnTo: safeReturnTo(attempt.returnTo, env().baseUrl), displayName: user.displayName };
}
