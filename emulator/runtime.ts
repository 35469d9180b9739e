import type { NamespacesForArm } from "./contracts";
import type { FaultRegistry } from "./control/faults";
import type { MailStore } from "./graph/send-mail";
import type { OperationStore } from "./arm/operations";
import type { TokenService } from "./entra/token-service";
import type { EmulatorState } from "./state";

/** What every service handler may use: the current state and the shared machinery. */
export type EmulatorSettings = {
  lroDurationMs: number;
  /** Authorize every ARM call an application makes against its role assignments (403 AuthorizationFailed). */
  authorizeApplications?: boolean;
  /** Page size of ARM list responses (nextLink); small values exercise the SDK pagers. */
  armPageSize: number;
  /** Default page size of Graph collections (Graph's own default is 100). */
  graphPageSize: number;
  groupsOverageLimit: number;
  /**
   * How long a new role assignment takes to reach AKS's authorization (guard): Azure RBAC changes
   * take up to minutes. Mutable: the control API sets it while the emulator runs.
   */
  roleAssignmentPropagationMs: number;
};

export type Runtime = {
  state(): EmulatorState;
  tokens: TokenService;
  operations: OperationStore;
  faults: FaultRegistry;
  /** Messages Graph's sendMail accepted, for the control API. */
  mail: MailStore;
  baseUrl(): string;
  caPem: string;
  settings: EmulatorSettings;
  /** The emulated API servers' namespaces, for managedNamespaces (set once the Kubernetes side exists). */
  namespaces?: NamespacesForArm;
};
