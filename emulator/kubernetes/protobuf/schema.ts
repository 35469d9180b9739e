/**
 * Field tables of the k8s.io/api messages the emulator decodes, numbered as in their
 * generated.proto. JSON names are the field names; special scalars map to their JSON forms.
 */
export type Scalar = "string" | "bytes" | "int" | "bool" | "quantity" | "intOrString" | "time" | "stringList";
export type FieldType = Scalar | MessageSchema | { map: Scalar | MessageSchema };
/** `keepZero`: a pointer field whose zero value was set on purpose (a Deployment's `replicas: 0`). */
export type FieldSpec = { name: string; type: FieldType; repeated?: boolean; keepZero?: boolean };
export type MessageSchema = { readonly [field: number]: FieldSpec };

export const s = (name: string): FieldSpec => ({ name, type: "string" });
export const strings = (name: string): FieldSpec => ({ name, type: "string", repeated: true });
export const bool = (name: string): FieldSpec => ({ name, type: "bool" });
export const message = (name: string, type: MessageSchema, repeated = false): FieldSpec => ({ name, type, repeated });
export const map = (name: string, value: Scalar | MessageSchema): FieldSpec => ({ name, type: { map: value } });

const ownerReference: MessageSchema = {
  1: s("kind"), 3: s("name"), 4: s("uid"), 5: s("apiVersion"),
  6: { name: "controller", type: "bool" }, 7: { name: "blockOwnerDeletion", type: "bool" },
};

export const objectMeta: MessageSchema = {
  1: s("name"), 2: s("generateName"), 3: s("namespace"), 4: s("selfLink"), 5: s("uid"), 6: s("resourceVersion"),
  7: { name: "generation", type: "int" }, 8: { name: "creationTimestamp", type: "time" }, 9: { name: "deletionTimestamp", type: "time" },
  10: { name: "deletionGracePeriodSeconds", type: "int" }, 11: map("labels", "string"), 12: map("annotations", "string"),
  13: message("ownerReferences", ownerReference, true), 14: strings("finalizers"),
};

export const labelSelector: MessageSchema = {
  1: map("matchLabels", "string"),
  2: message("matchExpressions", { 1: s("key"), 2: s("operator"), 3: strings("values") }, true),
};
