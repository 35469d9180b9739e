import { StatusPage } from "@/components/ui/status-page";

export default function NotFound() {
  return (
    <StatusPage status={404} title="Page not found" link={{ href: "/", label: "Back to the overview" }}>
      The page does not exist, or you do not have access to what it shows.
    </StatusPage>
  );
}
