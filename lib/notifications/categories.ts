/**
 * What a person can be notified about, each switchable on the preferences page. Pure and free of
 * heavy imports: the settings page's client form reads these labels.
 */
export const notificationCategories = ["requestUpdates", "approvals", "tenantChanges"] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

export const notificationCategoryText: Record<NotificationCategory, { label: string; hint: string }> = {
  requestUpdates: { label: "My requests", hint: "Decisions on the requests you made, their application or failure, and their expiry." },
  approvals: { label: "Requests awaiting approval", hint: "New requests a platform admin may decide on (admins only)." },
  tenantChanges: { label: "Changes to my tenants", hint: "Changes applied to the tenants you own, whoever asked for them." },
};

export type NotificationPreferences = Record<NotificationCategory, boolean> & { approvalDigest: boolean };

/** Everything by e-mail, one message per new request: what a person gets before choosing. */
export const defaultNotificationPreferences: NotificationPreferences = {
  requestUpdates: true,
  approvals: true,
  tenantChanges: true,
  approvalDigest: false,
};
