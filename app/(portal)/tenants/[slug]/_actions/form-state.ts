import { type ChangeRequestFormState, idleChangeRequestForm } from "@/lib/requests/form-state";

/** What the environment request form shows after a submit. */
export type EnvironmentFormState = ChangeRequestFormState;
export const idleEnvironmentForm: EnvironmentFormState = idleChangeRequestForm;
