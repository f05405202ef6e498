/**
 * Unread notices that can be marked read: broadcast notices (policy, anti-fraud education) are
 * shared by everyone and have no per-user read state, so they never count as unread.
 */
export function unreadCount(items: readonly { read: boolean; broadcast: boolean }[]): number {
  return items.filter((n) => !n.read && !n.broadcast).length;
}
