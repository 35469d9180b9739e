import "server-only";
import { AuthorizationV1Api } from "@kubernetes/client-node";
import { type ClusterCredentials, kubeConfigFor } from "./in-cluster-reader";

/** Whom a review is about, as the API server's authenticator would present them. */
export type ReviewedSubject = { user: string; groups: string[]; extra: Record<string, string[]> };
export type ReviewedResource = { namespace: string; verb: string; group: string; resource: string };
export type AccessReviewAnswer = { allowed: boolean; reason: string | null };

/**
 * Asks the cluster (authorization.k8s.io/v1 SubjectAccessReview) whether a subject may do something.
 * The caller's credentials need `create subjectaccessreviews`; an API failure is thrown as an Error
 * with a message fit to show (status and the server's message, never the token).
 */
export async function reviewAccess(credentials: ClusterCredentials, subject: ReviewedSubject, resource: ReviewedResource): Promise<AccessReviewAnswer> {
  try {
    const review = await kubeConfigFor(credentials)
      .makeApiClient(AuthorizationV1Api)
      .createSubjectAccessReview({
        body: {
          apiVersion: "authorization.k8s.io/v1",
          kind: "SubjectAccessReview",
          spec: { user: subject.user || undefined, groups: subject.groups, extra: subject.extra, resourceAttributes: resource },
        },
      });
    return { allowed: review.status?.allowed === true && review.status.denied !== true, reason: review.status?.reason || null };
  } catch (error) {
    const status = error && typeof error === "object" && "code" in error && typeof error.code === "number" ? error.code : null;
    const body = error && typeof error === "object" && "body" in error && typeof error.body === "string" ? error.body : "";
    const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? (error instanceof Error ? error.message : String(error));
    throw new Error(status ? `The API server answered ${status} to the access review: ${message}` : `The access review failed: ${message}`, { cause: error });
  }
}
