import { ButtonLink } from "@/components/ui/button-link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-red-700 dark:text-red-400">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Your role in Clusterdesk comes from your Entra ID groups and the tenants you own. If you need this page, ask a platform admin.
        The attempt has been recorded in the audit log.
      </p>
      <ButtonLink href="/" className="mt-6">
        Back to the overview
      </ButtonLink>
    </main>
  );
}
