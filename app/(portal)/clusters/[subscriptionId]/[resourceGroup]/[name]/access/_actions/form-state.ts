import { type ChangeRequestFormState, idleChangeRequestForm } from "@/lib/requests/form-state";

/** What the access forms show after a submit. */
export type AccessFormState = ChangeRequestFormState;
export const idleAccessForm: AccessFormState = idleChangeRequestForm;
