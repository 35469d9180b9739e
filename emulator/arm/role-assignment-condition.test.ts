import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { conditionAllows } from "./role-assignment-condition";

const portalCondition = readFileSync(path.join(import.meta.dirname, "..", "..", "deploy", "azure", "role-assignment-condition.txt"), "utf8");
const reader = "7f6c6a51-bcf8-42ba-9220-52d62157d7db";
const owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const write = "Microsoft.Authorization/roleAssignments/write";
const remove = "Microsoft.Authorization/roleAssignments/delete";

describe("conditionAllows (the constrain-roles shape)", () => {
  it("lets writes and deletes of the listed role definitions through, in any case", () => {
    expect(conditionAllows(portalCondition, write, reader)).toBe(true);
    expect(conditionAllows(portalCondition, remove, reader.toUpperCase())).toBe(true);
  });

  it("refuses other role definitions, and a write whose role definition is unknown", () => {
    expect(conditionAllows(portalCondition, write, owner)).toBe(false);
    expect(conditionAllows(portalCondition, remove, owner)).toBe(false);
    expect(conditionAllows(portalCondition, write, undefined)).toBe(false);
  });

  it("does not limit actions its clauses do not name", () => {
    expect(conditionAllows(portalCondition, "Microsoft.ContainerService/managedClusters/write", undefined)).toBe(true);
  });

  it("fails closed on a condition it does not understand", () => {
    expect(conditionAllows("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:ContainerName] StringEquals 'x'", write, reader)).toBe(false);
    expect(conditionAllows(`${portalCondition} OR (true)`, write, owner)).toBe(false);
  });
});
