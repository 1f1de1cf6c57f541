import { describe, expect, it } from "vitest";
import { processTitle } from "./process-title";

describe("processTitle", () => {
  it("groups current and future state maps of one process", () => {
    expect(processTitle("SaaS onboarding (current)")).toBe("SaaS onboarding");
    expect(processTitle("SaaS onboarding (future state)")).toBe("SaaS onboarding");
    expect(processTitle("Onboarding – Soll-Zustand")).toBe("Onboarding");
    expect(processTitle("Onboarding [Ist]")).toBe("Onboarding");
    expect(processTitle("Support renewal")).toBe("Support renewal");
    expect(processTitle("Future")).toBe("Future");
    expect(processTitle("Checkout (mobile)")).toBe("Checkout (mobile)");
  });
});
