import { describe, expect, it } from "vitest";
import { arrowPaths, CENTER, freeAngle, hitTest, placeAt, positionOf, RING_RADIUS, stepRing } from "./geometry";

describe("stakeholder map geometry", () => {
  it("places stakeholders clockwise from the top and reads them back", () => {
    expect(positionOf("direct", 0)).toEqual({ x: CENTER, y: CENTER - RING_RADIUS.direct });
    expect(positionOf("indirect", 90)).toEqual({ x: CENTER + RING_RADIUS.indirect, y: CENTER });
    for (const ring of ["direct", "indirect", "environment"] as const) {
      for (const angle of [0, 45, 180, 270, 359]) expect(placeAt(positionOf(ring, angle))).toEqual({ ring, angle });
    }
    expect(placeAt({ x: CENTER, y: CENTER + 10 }).ring).toBe("direct");
    expect(placeAt({ x: 0, y: 0 }).ring).toBe("environment");
  });

  it("steps between rings within bounds", () => {
    expect(stepRing("direct", -1)).toBe("direct");
    expect(stepRing("direct", 1)).toBe("indirect");
    expect(stepRing("environment", 1)).toBe("environment");
  });

  it("finds the widest free gap on a ring", () => {
    expect(freeAngle([], "direct")).toBe(0);
    expect(freeAngle([{ ring: "direct", angle: 0 }, { ring: "direct", angle: 90 }, { ring: "indirect", angle: 200 }], "direct")).toBe(225);
  });

  it("hits nodes and the customer", () => {
    const nodes = [{ id: "a", ...positionOf("direct", 0) }];
    expect(hitTest(positionOf("direct", 0), nodes)).toBe("a");
    expect(hitTest({ x: CENTER, y: CENTER }, nodes)).toBe("customer");
    expect(hitTest({ x: 10, y: 10 }, nodes)).toBeNull();
  });

  it("fans out relationships between the same ends so none hides another", () => {
    const positions = new Map([["a", positionOf("direct", 0)], ["customer", { x: CENTER, y: CENTER }]]);
    const paths = arrowPaths([{ id: "r1", from: "a", to: "customer" }, { id: "r2", from: "customer", to: "a" }], positions);
    expect(paths).toHaveLength(2);
    expect(paths[0].path).not.toBe(paths[1].path);
    expect(paths[0].labelAt).not.toEqual(paths[1].labelAt);
    expect(arrowPaths([{ id: "x", from: "a", to: "gone" }], positions)).toEqual([]);
  });
});
