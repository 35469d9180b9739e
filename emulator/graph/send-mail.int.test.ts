import { Client, type GraphError, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoServicePrincipals, demoUsers } from "../seed/organisation";
import { clusterdeskCredential } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());
beforeEach(() => emulator.reset());

const graphClient = (accessToken: () => Promise<string>) =>
  Client.initWithMiddleware({ authProvider: { getAccessToken: accessToken }, baseUrl: `${emulator.url}/`, customHosts: new Set(["localhost"]) });
const clusterdesk = () => graphClient(async () => (await clusterdeskCredential(emulator).getToken("https://graph.microsoft.com/.default")).token);
const message = (to: unknown = [{ emailAddress: { address: "priya.patel@clusterdesk-demo.onmicrosoft.com", name: "Priya Patel" } }]) => ({
  message: { subject: "Request #1 was approved", body: { contentType: "Text", content: "Approved." }, toRecipients: to, internetMessageId: "<abc@clusterdesk.notifications>" },
  saveToSentItems: true,
});
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as GraphError);

describe("Graph sendMail", () => {
  it("accepts a message from the tenant's mailbox with 202 and records it for the control API", async () => {
    await clusterdesk().api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").version("v1.0").post(message());
    const control = (await (await fetch(`${emulator.url}/_emulator/mail`)).json()) as { value: unknown[] };
    expect(control.value).toEqual([expect.objectContaining({
      sender: "clusterdesk@clusterdesk-demo.onmicrosoft.com", subject: "Request #1 was approved", content: "Approved.", contentType: "Text",
      toRecipients: [{ address: "priya.patel@clusterdesk-demo.onmicrosoft.com", name: "Priya Patel" }], internetMessageId: "<abc@clusterdesk.notifications>", saveToSentItems: true,
    })]);
    expect(emulator.requests().at(-1)).toMatchObject({ method: "POST", status: 202 });
    await fetch(`${emulator.url}/_emulator/mail`, { method: "DELETE" });
    expect(emulator.sentMail()).toEqual([]);
  });

  it("refuses a message without recipients or with a malformed address, as Graph does", async () => {
    const none = await failure(clusterdesk().api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").post(message([])));
    expect(none).toMatchObject({ statusCode: 400, code: "ErrorInvalidRecipients" });
    const malformed = await failure(clusterdesk().api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").post(message([{ emailAddress: { address: "not an address" } }])));
    expect(malformed).toMatchObject({ statusCode: 400, code: "ErrorInvalidRecipients" });
    const empty = await failure(clusterdesk().api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").post({}));
    expect(empty).toMatchObject({ statusCode: 400 });
    expect(emulator.sentMail()).toEqual([]);
  });

  it("needs Mail.Send: an app without the permission and a user sending as someone else are refused", async () => {
    const ciDeployer = graphClient(() => emulator.issueTestToken({ servicePrincipal: demoServicePrincipals.ciDeployer.appId, audience: "graph" }));
    expect(await failure(ciDeployer.api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").post(message()))).toMatchObject({ statusCode: 403, code: "ErrorAccessDenied" });
    const priya = graphClient(() => emulator.issueTestToken({ user: "paymentsLead", audience: "graph" }));
    expect(await failure(priya.api(`/users/${demoUsers.admin}/sendMail`).post(message()))).toMatchObject({ statusCode: 403 });
    expect(emulator.sentMail()).toEqual([]);
  });

  it("answers 404 for a sender outside the directory and the tenant's domain", async () => {
    expect(await failure(clusterdesk().api("/users/someone@contoso.example/sendMail").post(message()))).toMatchObject({ statusCode: 404, code: "ErrorInvalidUser" });
  });

  it("fails a send on an injected fault and records nothing", async () => {
    emulator.injectFault({ method: "POST", path: "/sendMail$", status: 503 });
    expect(await failure(clusterdesk().api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").middlewareOptions([new RetryHandlerOptions(0, 0)]).post(message()))).toMatchObject({ statusCode: 503 });
    expect(emulator.sentMail()).toEqual([]);
  });
});

describe("faults on one recipient's mail", () => {
  it("fail only the sends whose body names that recipient", async () => {
    emulator.injectFault({ method: "POST", path: "/sendMail$", bodyContains: "dana.okafor@", status: 503 });
    const client = clusterdesk();
    await client.api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").middlewareOptions([new RetryHandlerOptions(0, 0)]).post(message());
    const toDana = message([{ emailAddress: { address: "dana.okafor@clusterdesk-demo.onmicrosoft.com" } }]);
    expect(await failure(client.api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").middlewareOptions([new RetryHandlerOptions(0, 0)]).post(toDana))).toMatchObject({ statusCode: 503 });
    await client.api("/users/clusterdesk@clusterdesk-demo.onmicrosoft.com/sendMail").middlewareOptions([new RetryHandlerOptions(0, 0)]).post(toDana);
    expect(emulator.sentMail().map((mail) => mail.toRecipients[0]?.address)).toEqual(["priya.patel@clusterdesk-demo.onmicrosoft.com", "dana.okafor@clusterdesk-demo.onmicrosoft.com"]);
  });
});
