import { describe, expect, it } from "vitest";
import { canControlJob, canSeeJobStack, canViewJob, isAdmin } from "./permissions";

const ann = { id: "ann", role: "user" };
const bob = { id: "bob", role: "user" };
const root = { id: "root", role: "admin" };

describe("permissions", () => {
  it("knows admins by role", () => {
    expect(isAdmin(root)).toBe(true);
    expect(isAdmin(ann)).toBe(false);
    expect(isAdmin({ id: "x", role: "Admin" })).toBe(false);
  });

  it("lets owners and admins view a job, and everyone view a shared (ownerless) job", () => {
    expect(canViewJob(ann, { ownerId: "ann" })).toBe(true);
    expect(canViewJob(bob, { ownerId: "ann" })).toBe(false);
    expect(canViewJob(root, { ownerId: "ann" })).toBe(true);
    expect(canViewJob(bob, { ownerId: null })).toBe(true);
  });

  it("shows error stacks only to the owner and admins, not on shared jobs", () => {
    expect(canSeeJobStack(ann, { ownerId: "ann" })).toBe(true);
    expect(canSeeJobStack(bob, { ownerId: "ann" })).toBe(false);
    expect(canSeeJobStack(bob, { ownerId: null })).toBe(false);
    expect(canSeeJobStack(root, { ownerId: null })).toBe(true);
  });

  it("lets only the owner and admins control a job: a shared job is seen by all, changed by admins", () => {
    expect(canControlJob(ann, { ownerId: "ann" })).toBe(true);
    expect(canControlJob(bob, { ownerId: "ann" })).toBe(false);
    expect(canControlJob(bob, { ownerId: null })).toBe(false);
    expect(canControlJob(root, { ownerId: null })).toBe(true);
  });
});
