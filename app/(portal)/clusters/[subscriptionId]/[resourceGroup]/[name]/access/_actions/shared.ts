import "server-only";
import type { z } from "zod";
import { submittedValues } from "../../ip-ranges/_actions/shared";
import type { AccessFormState } from "./form-state";

export function accessFieldErrors(error: z.ZodError, formData: FormData): AccessFormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { status: "error", message: "Check the highlighted fields.", fieldErrors, values: submittedValues(formData) };
}

export function accessOutcomeMessage(number: number, status: string): string {
  return status === "approved" ? `Request #${number} is approved and being applied.` : `Request #${number} is waiting for a platform admin's approval.`;
}

export const signedOut = "Your session has ended. Sign in again and resubmit.";
