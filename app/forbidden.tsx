import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return (
    <StatusPage status={403} title="You do not have access to this page" link={{ href: "/", label: "Back to the overview" }}>
      Your role in Clusterdesk comes from your Entra ID groups and the tenants you own. If you need this page, ask a platform admin. The
      attempt has been recorded in the audit log.
    </StatusPage>
  );
}
