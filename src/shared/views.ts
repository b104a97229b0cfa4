/** The sidebar's views, in the order of its tab bar: the one list (server, sidebar, preview). */
export const SIDEBAR_VIEWS = ['home', 'attendance', 'checks', 'report', 'journey', 'followUp', 'privacy'] as const;
export type SidebarView = (typeof SIDEBAR_VIEWS)[number];

export function isSidebarView(v: unknown): v is SidebarView {
  return typeof v === 'string' && (SIDEBAR_VIEWS as readonly string[]).includes(v);
}
