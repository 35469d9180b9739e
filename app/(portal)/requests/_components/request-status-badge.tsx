import { Badge } from "@/components/ui/badge";
import { requestStatusPresentation } from "@/lib/requests/presentation";
import type { RequestStatus } from "@/lib/requests/state-machine";

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { label, tone } = requestStatusPresentation[status];
  return <Badge tone={tone}>{label}</Badge>;
}
