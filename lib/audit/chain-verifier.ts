import type { AuditEventRecord } from "./audit-event";
import { computeAuditHash, genesisHash } from "./audit-hash";

export type ChainVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; firstBrokenSeq: bigint; reason: string };

/** Where the walk stands: the seq and prevHash the next event must carry, and how many events held. */
export type ChainPosition = { nextSeq: bigint; prevHash: string; count: number };

export const chainStart: ChainPosition = { nextSeq: 1n, prevHash: genesisHash, count: 0 };

export type LinkCheck = { ok: true; position: ChainPosition } | { ok: false; firstBrokenSeq: bigint; reason: string };

/**
 * Checks one event against the place it must occupy. A break is reported at the seq where the chain
 * stops holding: a missing or renumbered event at the seq that should have followed, an altered
 * event at its own seq (its content no longer matches its hash, or its link no longer matches its
 * predecessor's hash).
 */
export function checkLink(position: ChainPosition, event: AuditEventRecord): LinkCheck {
  if (event.seq !== position.nextSeq) {
    return { ok: false, firstBrokenSeq: position.nextSeq, reason: `expected seq ${position.nextSeq}, found seq ${event.seq}: an event is missing or was renumbered` };
  }
  if (event.prevHash !== position.prevHash) {
    return { ok: false, firstBrokenSeq: event.seq, reason: `prev_hash ${event.prevHash} does not match the hash of the previous event (${position.prevHash})` };
  }
  const expected = computeAuditHash(event);
  if (event.hash !== expected) {
    return { ok: false, firstBrokenSeq: event.seq, reason: `hash ${event.hash} does not match the event's contents (recomputed ${expected}): the event was altered` };
  }
  return { ok: true, position: { nextSeq: event.seq + 1n, prevHash: event.hash, count: position.count + 1 } };
}

/** Verifies events given in seq order, starting from the genesis. */
export function verifyAuditEvents(events: Iterable<AuditEventRecord>): ChainVerdict {
  let position = chainStart;
  for (const event of events) {
    const check = checkLink(position, event);
    if (!check.ok) return { ok: false, count: position.count, firstBrokenSeq: check.firstBrokenSeq, reason: check.reason };
    position = check.position;
  }
  return { ok: true, count: position.count };
}
