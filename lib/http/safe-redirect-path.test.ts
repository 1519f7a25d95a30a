import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect-path";

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirectPath("/tasks")).toBe("/tasks");
    expect(safeRedirectPath("/tasks?status=failed#top")).toBe("/tasks?status=failed#top");
    expect(safeRedirectPath("/analysis/new")).toBe("/analysis/new");
  });

  it.each([undefined, null, "", "tasks", "https://evil.example/tasks", "//evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"])(
    "refuses %j, going to the fallback",
    (value) => {
      expect(safeRedirectPath(value)).toBe("/tasks");
      expect(safeRedirectPath(value, "/datasets")).toBe("/datasets");
    },
  );
});
