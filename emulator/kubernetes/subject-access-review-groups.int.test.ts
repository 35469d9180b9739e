import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationV1Api } from "@kubernetes/client-node";
import { teamGroups } from "./seed/tenant-plan";
import { aksRoles } from "./testing/aks-roles";
import { kubeConfigFor } from "./testing/kube-client";
import { startStandaloneServer, type StandaloneServer } from "./testing/standalone-server";
import { clusters, demoWorld, subscriptionId, users } from "./testing/world";

/**
 * The contract the portal's access check relies on: a SubjectAccessReview on an Azure-RBAC cluster is
 * decided on the spec's groups as well as its user (guard checks the caller's group assignments too),
 * so a grant to a group is found for a person whose groups the portal resolved through Graph.
 */
let server: StandaloneServer;
const world = demoWorld();
const paymentsDev = `${clusters.sharedDev.resourceId}/namespaces/payments-dev`;

beforeAll(async () => {
  server = await startStandaloneServer({
    ...world,
    roleAssignments: [
      ...world.roleAssignments,
      {
        id: `${paymentsDev}/providers/Microsoft.Authorization/roleAssignments/payments-members-writer`,
        scope: paymentsDev,
        roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${aksRoles.writer}`,
        principalId: teamGroups.payments.members,
        principalType: "Group",
      },
    ],
  });
});
afterAll(() => server.close());

describe("SubjectAccessReview with @kubernetes/client-node on an Azure-RBAC cluster", () => {
  it("allows through an assignment to one of spec.groups and denies without it, with guard's reason", async () => {
    const api = kubeConfigFor(server, clusters.sharedDev, await server.token(users.clusterAdmin)).makeApiClient(AuthorizationV1Api);
    const review = (groups: string[]) =>
      api.createSubjectAccessReview({
        body: {
          spec: {
            user: users.nobody.userPrincipalName,
            groups,
            extra: { oid: [users.nobody.objectId] },
            resourceAttributes: { namespace: "payments-dev", verb: "create", resource: "configmaps" },
          },
        },
      });
    expect((await review([teamGroups.payments.members, "system:authenticated"])).status).toEqual({ allowed: true });
    expect((await review(["system:authenticated"])).status).toEqual({
      allowed: false,
      reason: "User does not have access to the resource in Azure. Update role assignment to allow access.",
    });
  });
});
