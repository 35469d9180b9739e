import { labelSelector, map, message, objectMeta, s, strings, type MessageSchema } from "./schema";

/**
 * The parts of k8s.io/api/core/v1 PodSpec and apps/v1 Deployment (generated.proto) that
 * `kubectl create deployment` fills in. Fields outside these tables are refused with 415.
 */
const int = (name: string) => ({ name, type: "int" as const });
const container: MessageSchema = {
  1: s("name"),
  2: s("image"),
  3: strings("command"),
  4: strings("args"),
  5: s("workingDir"),
  6: message("ports", { 1: s("name"), 2: int("hostPort"), 3: int("containerPort"), 4: s("protocol"), 5: s("hostIP") }, true),
  7: message("env", { 1: s("name"), 2: s("value") }, true),
  8: message("resources", { 1: map("limits", "quantity"), 2: map("requests", "quantity") }),
  14: s("imagePullPolicy"),
};
const podSpec: MessageSchema = {
  2: message("containers", container, true),
  3: s("restartPolicy"),
  7: map("nodeSelector", "string"),
  8: s("serviceAccountName"),
  20: message("initContainers", container, true),
};

export const deployment: MessageSchema = {
  1: message("metadata", objectMeta),
  2: message("spec", {
    1: { ...int("replicas"), keepZero: true },
    2: message("selector", labelSelector),
    3: message("template", { 1: message("metadata", objectMeta), 2: message("spec", podSpec) }),
    4: message("strategy", { 1: s("type"), 2: message("rollingUpdate", { 1: { name: "maxUnavailable", type: "intOrString" }, 2: { name: "maxSurge", type: "intOrString" } }) }),
    5: int("minReadySeconds"),
    6: int("revisionHistoryLimit"),
    7: { name: "paused", type: "bool" },
    9: int("progressDeadlineSeconds"),
  }),
};

/** batch/v1 Job as `kubectl create job` fills it in. */
export const job: MessageSchema = {
  1: message("metadata", objectMeta),
  2: message("spec", {
    1: int("parallelism"),
    2: int("completions"),
    3: int("activeDeadlineSeconds"),
    4: message("selector", labelSelector),
    5: { name: "manualSelector", type: "bool" },
    6: message("template", { 1: message("metadata", objectMeta), 2: message("spec", podSpec) }),
    7: int("backoffLimit"),
    8: int("ttlSecondsAfterFinished"),
    9: s("completionMode"),
    10: { name: "suspend", type: "bool" },
  }),
};

/** core/v1 Service as `kubectl create service` and `kubectl expose` fill it in. */
export const service: MessageSchema = {
  1: message("metadata", objectMeta),
  2: message("spec", {
    1: message("ports", { 1: s("name"), 2: s("protocol"), 3: int("port"), 4: { name: "targetPort", type: "intOrString" }, 5: int("nodePort"), 6: s("appProtocol") }, true),
    2: map("selector", "string"),
    3: s("clusterIP"),
    4: s("type"),
    5: strings("externalIPs"),
    7: s("sessionAffinity"),
    10: s("externalName"),
    11: s("externalTrafficPolicy"),
  }),
};
