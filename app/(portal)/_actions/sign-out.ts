"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { sessionCookie } from "@/lib/server/auth/session-cookie";
import { signOut } from "@/lib/server/auth/sign-out";
import { requestContext } from "@/lib/server/request-context";

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  const cookie = sessionCookie();
  (await cookies()).delete(cookie.name);
  if (!user) redirect("/signed-out");
  redirect(await signOut(user, await requestContext()));
}
