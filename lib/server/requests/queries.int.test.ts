import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { decideChangeRequest } from "./decide-request";
import { executeChangeRequest } from "./execute-request";
import { RetryableError } from "./executor";
import { countAwaitingDecision, countChangeRequestsByStatus, findChangeRequestByNumber, findChangeRequestResource, listChangeRequests, visibleRequestsWhere } from "./queries";
import { createTenant, type Person, person, requestRange, testContext } from "./requests-fixtures.test-helper";

let payments: Awaited<ReturnType<typeof createTenant>>;
let search: Awaited<ReturnType<typeof createTenant>>;
let admin: Person, otherAdmin: Person, auditor: Person, paymentsLead: Person, searchLead: Person, member: Person;
let paymentsRequest: { id: string; number: number }, searchRequest: { id: string; number: number }, memberRequest: { id: string; number: number }, adminRequest: { id: string; number: number };

beforeAll(async () => {
  payments = await createTenant("Payments");
  search = await createTenant("Search");
  admin = person("Alex Admin", { roles: ["admin"] });
  otherAdmin = person("Ada Admin", { roles: ["admin"] });
  auditor = person("Olu Auditor", { roles: ["auditor"] });
  paymentsLead = person("Priya Patel", { owns: [payments] });
  searchLead = person("Sofia Rossi", { owns: [search] });
  member = person("Max Member");
  paymentsRequest = await requestRange(paymentsLead, payments.id, "203.0.113.7/32", "aks-weu-prod");
  searchRequest = await requestRange(searchLead, search.id);
  memberRequest = await requestRange(member, null);
  adminRequest = await requestRange(admin, payments.id);
});

afterAll(() => stopJobQueue());

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

describe("request visibility", () => {
  it("agrees with the policy's request.view for every principal and request", async () => {
    const everyone = [admin, auditor, paymentsLead, searchLead, member];
    for (const principal of everyone.map((p) => p.principal)) {
      for (const created of [paymentsRequest, searchRequest, memberRequest, adminRequest]) {
        const found = await findChangeRequestResource(created.id);
        if (!found) throw new Error("request vanished");
        const listed = await db().changeRequest.count({ where: { AND: [visibleRequestsWhere(principal), { id: created.id }] } });
        expect({ principal: principal.objectId, request: created.number, visible: listed === 1 }).toEqual({
          principal: principal.objectId,
          request: created.number,
          visible: can(principal, "request.view", found.resource),
        });
      }
    }
  });

  it("shows a team lead their own and their tenant's requests, never another team's", async () => {
    const page = await listChangeRequests(paymentsLead.principal, { view: "all" });
    expect(ids(page.items)).toEqual(ids([paymentsRequest, adminRequest]));
    expect(ids((await listChangeRequests(searchLead.principal, { view: "all" })).items)).toEqual(ids([searchRequest]));
    const detail = await findChangeRequestByNumber(paymentsRequest.number);
    if (!detail) throw new Error("missing");
    expect(can(searchLead.principal, "request.view", detail.policyResource)).toBe(false);
    expect(can(paymentsLead.principal, "request.view", detail.policyResource)).toBe(true);
  });

  it("shows a member without tenants only what they asked for", async () => {
    expect(ids((await listChangeRequests(member.principal, { view: "all" })).items)).toEqual(ids([memberRequest]));
    expect((await listChangeRequests(member.principal, { view: "inbox" })).total).toBe(0);
  });

  it("lets admins and auditors see every request", async () => {
    for (const principal of [admin.principal, auditor.principal]) {
      const { items } = await listChangeRequests(principal, { view: "all", pageSize: 100 });
      expect(ids(items)).toEqual(expect.arrayContaining(ids([paymentsRequest, searchRequest, memberRequest, adminRequest])));
    }
  });
});

describe("views, counts and paging", () => {
  it("keeps an admin's own requests out of their inbox (nobody decides on their own)", async () => {
    const inbox = await listChangeRequests(admin.principal, { view: "inbox", pageSize: 100 });
    expect(inbox.items.every((item) => item.status === "pending" && item.requester.id !== admin.objectId)).toBe(true);
    expect(ids(inbox.items)).toEqual(expect.arrayContaining(ids([paymentsRequest, searchRequest, memberRequest])));
    expect(ids(inbox.items)).not.toContain(adminRequest.id);
    expect(await countAwaitingDecision(admin.principal)).toBe(inbox.total);
    expect(await countAwaitingDecision(otherAdmin.principal)).toBe(inbox.total + 1);
    expect(await countAwaitingDecision(paymentsLead.principal)).toBe(0);
  });

  it("filters mine and by status, and counts per status within what the principal sees", async () => {
    const lead = person("Lina Lead", { owns: [await createTenant("Lina's team")] });
    const tenantId = lead.principal.ownedTenantIds[0] ?? null;
    const first = await requestRange(lead, tenantId, "192.0.2.1/32");
    const second = await requestRange(lead, tenantId, "192.0.2.2/32");
    await decideChangeRequest(second.id, "approve", "ok", admin, testContext);

    expect(ids((await listChangeRequests(lead.principal, { view: "mine" })).items)).toEqual(ids([first, second]));
    expect(ids((await listChangeRequests(lead.principal, { view: "pending" })).items)).toEqual(ids([first]));
    expect(ids((await listChangeRequests(lead.principal, { view: "applying" })).items)).toEqual(ids([second]));
    expect((await listChangeRequests(lead.principal, { view: "failed" })).total).toBe(0);
    expect(await countChangeRequestsByStatus(lead.principal)).toMatchObject({ pending: 1, approved: 1, applied: 0, failed: 0 });
  });

  it("pages newest first; a page past the end is empty, not the last page relabelled", async () => {
    const lead = person("Paula Pager");
    const made = [];
    for (const range of ["192.0.2.10/32", "192.0.2.11/32", "192.0.2.12/32"]) made.push(await requestRange(lead, null, range));
    const first = await listChangeRequests(lead.principal, { view: "all", pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(first.items.map((item) => item.number)).toEqual([made[2]?.number, made[1]?.number]);
    const beyond = await listChangeRequests(lead.principal, { view: "all", pageSize: 2, page: 99 });
    expect(beyond).toMatchObject({ page: 99, pageCount: 2, total: 3, items: [] });
  });
});

describe("request detail", () => {
  it("returns display names, the change, and a timeline through approval, a failed attempt and the error", async () => {
    const created = await requestRange(paymentsLead, payments.id, "203.0.113.99/32", "aks-weu-prod");
    expect((await decideChangeRequest(created.id, "approve", "Checked with security", admin, testContext)).ok).toBe(true);
    const failing = { apply: async () => Promise.reject(new RetryableError("ARM answered 429 Too Many Requests")) };
    await executeChangeRequest(created.id, { retryCount: 3, retryLimit: 3, signal: new AbortController().signal }, { "authorized-ip-ranges": failing });

    const detail = await findChangeRequestByNumber(created.number);
    expect(detail).toMatchObject({
      status: "failed",
      kindLabel: "API server IP ranges",
      cluster: { name: "aks-weu-prod", resourceGroup: "rg-aks-weu-prod" },
      tenant: { id: payments.id, name: "Payments" },
      requester: { name: "Priya Patel" },
      decision: { byName: "Alex Admin", comment: "Checked with security" },
      lastError: "ARM answered 429 Too Many Requests",
      attempts: 1,
      change: { kind: "authorized-ip-ranges", add: [{ range: "203.0.113.99/32", owner: "ci agents" }], remove: ["198.51.100.0/24"] },
      policyResource: { kind: "request", requesterId: paymentsLead.objectId, tenantId: payments.id, status: "failed" },
    });
    expect(detail?.timeline.map((entry) => [entry.title, entry.detail])).toEqual([
      ["Requested by Priya Patel", null],
      ["Approved by Alex Admin", "Checked with security"],
      ["Applying (attempt 1)", null],
      ["Failed", "ARM answered 429 Too Many Requests"],
    ]);
  });

  it("reads live progress while applying and answers null for unknown numbers", async () => {
    const created = await requestRange(searchLead, search.id);
    await db().changeRequest.update({
      where: { id: created.id },
      data: { status: "applying", progress: { phase: "waiting", message: "Waiting for ARM", operation: { status: "InProgress" }, at: "2030-01-01T00:00:00.000Z" } },
    });
    expect((await findChangeRequestByNumber(created.number))?.progress).toEqual({
      phase: "waiting",
      message: "Waiting for ARM",
      operationStatus: "InProgress",
      at: new Date("2030-01-01T00:00:00.000Z"),
    });
    expect(await findChangeRequestByNumber(2_000_000_000)).toBeNull();
    expect(await findChangeRequestByNumber(-1)).toBeNull();
    expect(await findChangeRequestResource(randomUUID())).toBeNull();
  });
});

describe("request list pages", () => {
  it("pages newest first without overlap, keeps the kind filter, and reports a page past the end as such", async () => {
    const tenant = await createTenant("Paging");
    const lead = person("Pia Pager", { owns: [tenant] });
    const created: { id: string; number: number }[] = [];
    for (let index = 1; index <= 5; index += 1) created.push(await requestRange(lead, tenant.id, `198.51.100.${index}/32`));
    const mine = { view: "mine" as const, kind: "authorized-ip-ranges" as const, pageSize: 2 };
    const pages = await Promise.all([1, 2, 3].map((page) => listChangeRequests(lead.principal, { ...mine, page })));
    expect(pages.map((page) => [page.page, page.pageCount, page.total, page.items.length])).toEqual([[1, 3, 5, 2], [2, 3, 5, 2], [3, 3, 5, 1]]);
    expect(pages.flatMap((page) => page.items.map((item) => item.number))).toEqual(created.map((request) => request.number).reverse());

    // ?page=99 is not page 1 of 3: nothing is shown and the page says where it is.
    expect(await listChangeRequests(lead.principal, { ...mine, page: 99 })).toMatchObject({ page: 99, pageCount: 3, total: 5, items: [] });
    expect(await listChangeRequests(lead.principal, { ...mine, kind: "namespace-access", page: 1 })).toMatchObject({ total: 0, pageCount: 1, items: [] });
  });
});

