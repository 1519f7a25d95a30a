export interface Principal {
  id: string;
  role: string;
}

export function isAdmin(user: Principal): boolean {
  return user.role === "admin";
}

/** Owners and admins see a job; a job without owner (shared sample data) is visible to all. */
export function canViewJob(user: Principal, job: { ownerId: string | null }): boolean {
  return job.ownerId === null || job.ownerId === user.id || isAdmin(user);
}

/** Only a job's owner (or an admin, also for the shared jobs that import the samples) cancels, retries or deletes it. */
export function canControlJob(user: Principal, job: { ownerId: string | null }): boolean {
  return job.ownerId === user.id || isAdmin(user);
}

/** Owners and admins see a dataset; sample datasets (no owner) are shared with everyone. */
export function canViewDataset(user: Principal, dataset: { ownerId: string | null }): boolean {
  return dataset.ownerId === null || dataset.ownerId === user.id || isAdmin(user);
}

/** Only a dataset's owner (or an admin, also for the shared samples) deletes it. */
export function canDeleteDataset(user: Principal, dataset: { ownerId: string | null }): boolean {
  return dataset.ownerId === user.id || isAdmin(user);
}

/** Error stacks show code paths: only the job's owner and admins see them. */
export function canSeeJobStack(user: Principal, job: { ownerId: string | null }): boolean {
  return job.ownerId === user.id || isAdmin(user);
}
