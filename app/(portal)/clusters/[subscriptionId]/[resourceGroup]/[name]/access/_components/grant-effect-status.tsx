import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { AccessGrantRow } from "@/lib/server/access/access-view";

/** Applied → effective, or not effective at the deadline: the words come from lib/access/grant-effect.ts. */
export function GrantEffectStatus({ effect }: { effect: AccessGrantRow["effect"] }) {
  return (
    <div className="max-w-xs">
      <Badge tone={effect.tone}>{effect.label}</Badge>
      {effect.detail ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{effect.detail}</p> : null}
      {effect.state === "waiting" && effect.checkedAt ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Last checked <Timestamp date={effect.checkedAt} />
        </p>
      ) : null}
    </div>
  );
}
