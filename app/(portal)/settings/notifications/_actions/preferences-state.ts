import type { NotificationPreferences } from "@/lib/notifications/categories";

export type PreferencesState = { ok: true; data: NotificationPreferences } | { ok: false; error: string } | null;
