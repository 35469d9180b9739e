import { armErrors } from "../arm/errors";

/**
 * Faults injected by tests through the control API: latency, an error status (429 with Retry-After,
 * 409 "another operation in progress", 500…), or a long-running operation that ends in Failed.
 * Each fault applies to `count` matching requests (default 1), then disappears.
 */
export type FaultSpec = {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** Regular expression (case-insensitive) matched against the request path, duplicate slashes collapsed. */
  path: string;
  count?: number;
  /**
   * Only requests whose body contains this text (e.g. one recipient's address in a sendMail), so a
   * test's fault is not taken by someone else's call. Not for /k8s/ paths, whose bodies stream on.
   */
  bodyContains?: string;
  latencyMs?: number;
  status?: number;
  code?: string;
  message?: string;
  /** Retry-After in seconds (what ARM sends); core-rest-pipeline waits that long before retrying. */
  retryAfterSeconds?: number;
  /** retry-after-ms, which core-rest-pipeline prefers: keeps retry tests fast. */
  retryAfterMs?: number;
  /**
   * The request is handled (its effect happens), then the answer is held back this long: a client
   * killed meanwhile never learns that its write succeeded (crash tests).
   */
  holdResponseMs?: number;
  /** The next long-running operation started by a matching request ends Failed with this error. */
  failOperation?: { code: string; message: string };
};

export type ActiveFault = FaultSpec & { id: number; remaining: number; pattern: RegExp };

export function createFaultRegistry() {
  let faults: ActiveFault[] = [];
  let nextId = 1;
  const matches = (fault: ActiveFault, method: string, path: string, body?: string) =>
    fault.remaining > 0 && (!fault.method || fault.method.toUpperCase() === method) && fault.pattern.test(path) &&
    (fault.bodyContains === undefined || (body ?? "").includes(fault.bodyContains));
  const consume = (fault: ActiveFault) => {
    fault.remaining -= 1;
    faults = faults.filter((candidate) => candidate.remaining > 0);
  };
  return {
    add(spec: FaultSpec): ActiveFault {
      const fault = { ...spec, id: nextId++, remaining: Math.max(1, spec.count ?? 1), pattern: new RegExp(spec.path, "i") };
      faults.push(fault);
      return fault;
    },
    /** Whether a fault for this request looks at its body, so the caller must read it first. */
    wantsBody(method: string, path: string): boolean {
      return faults.some((candidate) => candidate.bodyContains !== undefined && matches({ ...candidate, bodyContains: undefined }, method, path));
    },
    /** A latency or status fault for this request, consumed. Operation failures are taken separately. */
    takeRequestFault(method: string, path: string, body?: string): ActiveFault | undefined {
      const fault = faults.find((candidate) => !candidate.failOperation && matches(candidate, method, path, body));
      if (fault) consume(fault);
      return fault;
    },
    takeOperationFailure(method: string, path: string): { code: string; message: string } | undefined {
      const fault = faults.find((candidate) => candidate.failOperation && matches(candidate, method, path));
      if (!fault) return undefined;
      consume(fault);
      return fault.failOperation;
    },
    list(): ActiveFault[] {
      return [...faults];
    },
    clear(): void {
      faults = [];
    },
  };
}
export type FaultRegistry = ReturnType<typeof createFaultRegistry>;

export function defaultFaultError(status: number): { code: string; message: string } {
  if (status === 429) return { code: "TooManyRequests", message: "The request is being throttled as the limit has been reached for operation type. Please retry after the period in the Retry-After header." };
  if (status === 409) return { code: "OperationNotAllowed", message: armErrors.anotherOperationInProgress().message };
  if (status === 503) return { code: "ServiceUnavailable", message: "The service is temporarily unavailable. Please retry." };
  return { code: "InternalServerError", message: "Encountered internal server error. Diagnostic information: timestamp, subscription id, tracking id." };
}
