import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import { decodeObjectBody } from "../body";
import { badRequest } from "../status";
import type { HandlerContext, HandlerResult } from "./context";

/** SelfSubjectReview (authentication.k8s.io/v1, `kubectl auth whoami`): the caller as authenticated. */
export async function selfSubjectReviewHandler(context: HandlerContext): Promise<HandlerResult> {
  decodeObjectBody(await context.readBody(), context.contentType);
  const { requester } = context;
  const userInfo: JsonObject = { username: requester.name };
  if (requester.uid) userInfo.uid = requester.uid;
  userInfo.groups = requester.groups;
  if (requester.extra) userInfo.extra = requester.extra;
  return { status: 201, body: { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", metadata: { creationTimestamp: null }, status: { userInfo } } };
}

function listAt(rule: JsonObject, key: string): Json[] {
  const value = rule[key];
  return Array.isArray(value) ? value : [];
}

/**
 * SelfSubjectRulesReview (`kubectl auth can-i --list`): the RBAC rules that apply in the namespace,
 * split into resource and non-resource rules as the RBAC authorizer's RulesFor does. Guard (Azure
 * RBAC) is a webhook, which cannot list rules: there the answer is `incomplete`, as on AKS.
 */
export async function selfSubjectRulesReviewHandler(context: HandlerContext): Promise<HandlerResult> {
  const body = decodeObjectBody(await context.readBody(), context.contentType);
  const spec = isJsonObject(body.spec) ? body.spec : {};
  const namespace = stringAt(spec, "namespace") ?? "";
  if (!namespace) throw badRequest("no namespace on request");
  const { rules, incomplete } = context.rulesFor(context.requester, namespace);
  const resourceRules: Json[] = [];
  const nonResourceRules: Json[] = [];
  for (const rule of rules) {
    if (listAt(rule, "nonResourceURLs").length > 0) nonResourceRules.push({ verbs: listAt(rule, "verbs"), nonResourceURLs: listAt(rule, "nonResourceURLs") });
    else {
      const names = listAt(rule, "resourceNames");
      resourceRules.push({ verbs: listAt(rule, "verbs"), apiGroups: listAt(rule, "apiGroups"), resources: listAt(rule, "resources"), ...(names.length > 0 ? { resourceNames: names } : {}) });
    }
  }
  return {
    status: 201,
    body: { kind: "SelfSubjectRulesReview", apiVersion: "authorization.k8s.io/v1", metadata: { creationTimestamp: null }, spec: { namespace }, status: { resourceRules, nonResourceRules, incomplete } },
  };
}
