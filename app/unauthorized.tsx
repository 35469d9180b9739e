import { StatusPage } from "@/components/ui/status-page";

// Not called today (pages redirect to the sign-in instead), but Next.js serialises this boundary into
// every response: its own default is a larger page with inline styles that offers no way on.
export default function Unauthorized() {
  return <StatusPage status={401} title="Sign in to continue" link={{ href: "/sign-in", label: "Sign in" }} />;
}
