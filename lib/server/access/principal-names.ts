import "server-only";
import type { SubjectRef } from "@/lib/access/found-access";
import { directoryObjectsByIds, type NamedPrincipal } from "@/lib/server/azure/directory-objects";
import { groupMemberCount } from "@/lib/server/azure/directory-principals";
import { usersByPrincipalNames } from "@/lib/server/azure/directory-objects";
import { mapBounded } from "@/lib/server/clusters/bounded";

/**
 * Names the subjects of a cluster's access in batches (getByIds for object ids, one `in` filter per
 * 15 UPNs), remembering answers for a few minutes: an inventory sync meets the same few groups on
 * thousands of clusters and should ask Graph about each once. `null`: Graph does not know it.
 */
const ttlMs = 5 * 60_000;
const remembered = new Map<string, { at: number; principal: NamedPrincipal | null }>();

const keyOf = (subject: SubjectRef) => (subject.by === "object-id" ? `id:${subject.objectId}` : `upn:${subject.name.toLowerCase()}`);

export async function nameSubjects(subjects: readonly SubjectRef[], now = Date.now()): Promise<(subject: SubjectRef) => NamedPrincipal | null> {
  const missing = new Map<string, SubjectRef>();
  for (const subject of subjects) {
    const key = keyOf(subject);
    const known = remembered.get(key);
    if (!known || now - known.at >= ttlMs) missing.set(key, subject);
  }
  const ids = [...missing.values()].flatMap((subject) => (subject.by === "object-id" ? [subject.objectId] : []));
  const names = [...missing.values()].flatMap((subject) => (subject.by === "user-name" ? [subject.name] : []));
  const [byId, byName] = await Promise.all([ids.length ? directoryObjectsByIds(ids) : new Map<string, NamedPrincipal>(), names.length ? usersByPrincipalNames(names) : new Map<string, NamedPrincipal>()]);
  const groups = [...byId.values()].filter((principal) => principal.type === "Group");
  await mapBounded(groups, 4, async (group) => {
    group.memberCount = await groupMemberCount(group.objectId);
  });
  for (const [key, subject] of missing) {
    const principal = subject.by === "object-id" ? (byId.get(subject.objectId) ?? null) : (byName.get(subject.name.toLowerCase()) ?? null);
    remembered.set(key, { at: now, principal });
  }
  if (remembered.size > 50_000) for (const [key, value] of remembered) if (now - value.at >= ttlMs) remembered.delete(key);
  return (subject) => remembered.get(keyOf(subject))?.principal ?? null;
}
