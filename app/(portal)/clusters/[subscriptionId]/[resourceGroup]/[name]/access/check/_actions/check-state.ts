import type { AccessQuestion } from "@/lib/access/access-check";
import type { AccessCheckAnswer } from "@/lib/server/access/access-check";

/** What the access check form shows after a submit. */
export type AccessCheckState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: Partial<Record<string, string>>; values?: Record<string, string> }
  | {
      status: "done";
      values: Record<string, string>;
      person: { objectId: string; displayName: string; userPrincipalName: string | null; type: "User" | "Group"; groupCount: number };
      question: AccessQuestion;
      answer: AccessCheckAnswer;
      /** Display names of the groups the explanation names, by lower-case object id. */
      groupNames: Record<string, string>;
    };

export const idleAccessCheck: AccessCheckState = { status: "idle" };
