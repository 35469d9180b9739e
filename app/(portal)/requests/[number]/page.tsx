import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { authorizePage } from "@/lib/server/auth/current-user";
import { findChangeRequestHeading } from "@/lib/server/requests/queries";
import { RequestDetails } from "./_components/request-details";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { number } = await params;
  return { title: `Request #${number}` };
}

export default async function RequestPage({ params }: { params: Params }) {
  const { number } = await params;
  // Only plain decimal numbers; anything else is not a request. Looked up and authorized before the
  // boundary below, so a 404 or 403 is the response's status, not a streamed 200.
  const request = /^\d{1,10}$/.test(number) ? await findChangeRequestHeading(Number(number)) : null;
  if (!request) notFound();
  const user = await authorizePage("request.view", request.policyResource);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/requests" className="text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
          ← All requests
        </Link>
      </p>
      <PageHeader title={`Request #${request.number}`} description={`${request.kindLabel}${request.clusterName ? ` on ${request.clusterName}` : ""}`} />
      <Suspense fallback={<LoadingSection label="Loading the request…" rows={6} />}>
        <RequestDetails number={request.number} principal={user.principal} />
      </Suspense>
    </>
  );
}
