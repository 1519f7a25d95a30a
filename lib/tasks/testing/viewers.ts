import { afterEach, beforeEach } from "vitest";
import type { TestDatabase } from "../../db/testing";
import type { JobQueue } from "../../jobs";
import { createTestQueue } from "../../jobs/test-support";

export interface Viewer {
  id: string;
  role: string;
}

/**
 * A fresh database and queue per test with three users: ann and bob (role user) and admin. The
 * returned object's fields are filled in before each test.
 */
export function viewersFixture() {
  const fixture = {
    database: undefined as unknown as TestDatabase,
    queue: undefined as unknown as JobQueue,
    ann: { id: "", role: "user" } as Viewer,
    bob: { id: "", role: "user" } as Viewer,
    admin: { id: "", role: "admin" } as Viewer,
  };
  beforeEach(async () => {
    ({ database: fixture.database, queue: fixture.queue } = await createTestQueue());
    for (const [who, email] of [[fixture.ann, "ann@x.io"], [fixture.bob, "bob@x.io"], [fixture.admin, "root@x.io"]] as const) {
      who.id = (await fixture.database.db.user.create({ data: { email, passwordHash: "x", role: who.role } })).id;
    }
  });
  afterEach(async () => {
    await fixture.queue.close({ graceMs: 0 });
    await fixture.database.drop();
  });
  return fixture;
}
