/** What the control API reports about each request: enough to assert retries and correlation ids. */
export type RequestLogEntry = {
  time: string;
  method: string;
  path: string;
  status: number;
  clientRequestId: string | undefined;
  durationMs: number;
};

const capacity = 10_000;

export function createRequestLog() {
  let entries: RequestLogEntry[] = [];
  return {
    add(entry: RequestLogEntry): void {
      entries.push(entry);
      if (entries.length > capacity) entries = entries.slice(-capacity);
    },
    list(): RequestLogEntry[] {
      return [...entries];
    },
    clear(): void {
      entries = [];
    },
  };
}
export type RequestLog = ReturnType<typeof createRequestLog>;
