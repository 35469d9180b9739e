/** Sets (or, with undefined, removes) the audit checkpoint key for the settings a test file parses next. */
export function setAuditCheckpointKey(seed: string | undefined): void {
  if (seed === undefined) delete process.env.CLUSTERDESK_AUDIT_CHECKPOINT_KEY;
  else process.env.CLUSTERDESK_AUDIT_CHECKPOINT_KEY = seed;
}
