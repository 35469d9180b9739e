import "server-only";

/** A failure worth retrying later (throttling, a conflicting operation in progress, a 5xx). */
export class RetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.name = "RetryableError";
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}

export type ExecutableRequest = {
  id: string;
  number: number;
  kind: string;
  clusterResourceId: string | null;
  tenantId: string | null;
  payload: unknown;
  correlationId: string;
  /** What an earlier, interrupted attempt recorded (e.g. a long-running operation to resume). */
  progress: unknown;
};

export type ExecutionProgress = { phase: string; message: string; operation?: { status: string; url?: string } };

export type ExecutionContext = {
  reportProgress(progress: ExecutionProgress): Promise<void>;
  signal: AbortSignal;
};

export type ExecutionResult = { before: unknown; after: unknown; summary: string };

/** An attempt whose first reads are already under way (ChangeExecutor.prepare). */
export type PreparedExecution = { apply(context: ExecutionContext): Promise<ExecutionResult> };

/**
 * Applies one kind of change. Must be idempotent and resumable: it may run again after a crash at
 * any point, and must then converge without doing anything twice.
 */
export interface ChangeExecutor {
  apply(request: ExecutableRequest, context: ExecutionContext): Promise<ExecutionResult>;
  /**
   * Optional: start the attempt's first reads at once, while the engine records it as `applying`,
   * so that their round trips overlap instead of adding up. Called before the attempt is known to
   * start: it must write nothing anywhere, and must not let a failed read go unhandled (apply reports
   * it). The engine calls the returned `apply` only if the attempt starts, else drops it.
   */
  prepare?(request: ExecutableRequest, signal: AbortSignal): PreparedExecution;
}
