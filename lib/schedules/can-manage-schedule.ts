import type { Principal } from "../auth/permissions";

/** Schedules are private: only their owner sees, changes or runs one (others get 404). */
export function canManageSchedule(user: Principal, schedule: { ownerId: string }): boolean {
  return schedule.ownerId === user.id;
}
