import { ArmError } from "./errors";

/** ARM accepts any dated api-version here (WIRE-PROTOCOLS §1: SDK majors differ in their defaults). */
const datedVersion = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

export function checkApiVersion(value: string | null): ArmError | undefined {
  if (value === null || value === "") {
    return new ArmError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
  }
  if (!datedVersion.test(value)) {
    return new ArmError(400, "InvalidApiVersionParameter", `The api-version '${value}' is invalid. The supported versions are '2026-06-01,2026-04-01,2025-10-01,2022-04-01'.`);
  }
  return undefined;
}
