/** Why a sign-in failed, as shown to the person (the audit log keeps the technical reason). */
export const signInFailureMessages = {
  expired: "Your sign-in took too long or was started in another browser. Please sign in again.",
  mismatch: "The answer from Microsoft Entra ID did not match this browser's sign-in. Please sign in again.",
  cancelled: "Microsoft Entra ID did not complete the sign-in. Please try again.",
  refused: "Microsoft Entra ID refused the sign-in. Please try again, or ask your administrator.",
  account: "This account cannot sign in to Clusterdesk: it belongs to another directory.",
  directory:
    "Microsoft Entra ID confirmed who you are, but Clusterdesk could not read your group memberships from Microsoft Graph, " +
    "so it cannot tell what you may do. Please try again in a few minutes; if it keeps happening, tell your administrator.",
} as const;

export type SignInFailure = keyof typeof signInFailureMessages;

export function signInFailureMessage(code: string | undefined): string | undefined {
  return code && code in signInFailureMessages ? signInFailureMessages[code as SignInFailure] : undefined;
}
