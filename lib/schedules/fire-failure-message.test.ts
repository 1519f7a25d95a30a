import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../http/errors";
import { fireFailureMessage } from "./fire-failure-message";

describe("fireFailureMessage", () => {
  it("passes on the message an HttpError already words for the user", () => {
    expect(fireFailureMessage(new ValidationError("No price data for NVDA"))).toBe("No price data for NVDA");
  });

  it("names each invalid setting and says to edit the schedule", () => {
    const result = z.object({ depth: z.number().max(5, "Depth is at most 5") }).safeParse({ depth: 9 });
    expect(result.success).toBe(false);
    expect(fireFailureMessage(result.error)).toBe("The schedule's settings are no longer valid (depth: Depth is at most 5). Edit the schedule to fix them.");
  });
});
