import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addListItem,
  applyPersonaExport,
  createPersonaDoc,
  LIST_MAX_ITEMS,
  moveListItem,
  personaInitials,
  personaText,
  readPersona,
  removeListItem,
  setAvatarColor,
  setEvidenceDate,
  setListItem,
  setPersonaText,
  toPersonaExport,
  ZPersonaExport,
} from "./persona-document";
import { setText } from "./y-text";

const FULL = {
  format: "journeyboard.persona/v1",
  name: "Ines Hartmann",
  segment: "IT admin",
  quote: "If it does not fit our SSO, it does not get in.",
  avatarColor: "#0891b2",
  demographics: { age: "38", location: "Munich", incomeBand: "€80–100k", familyStatus: "Married, two children", gender: "female" },
  job: { title: "Head of IT operations", career: "Sysadmin → team lead → head of IT" },
  goals: ["Fewer tools to maintain"],
  values: ["Security", "Predictability"],
  painPoints: ["Shadow IT", "Manual user provisioning"],
  concerns: ["Integration with Entra ID", "GDPR"],
  informationSources: ["Heise", "Peer Slack groups"],
  channels: ["E-mail", "Scheduled video call"],
  contentFormats: ["Whitepapers", "Technical docs"],
  purchases: ["Okta", "Jira"],
  competitors: ["Compares every vendor's security answers side by side"],
  evidence: { note: "8 interviews with IT admins, Feb 2026", date: "2026-02-20" },
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("persona document", () => {
  it("round-trips the export format", () => {
    const doc = createPersonaDoc(FULL);
    const exported = toPersonaExport(doc, "p1");
    expect(exported).toEqual({ ...FULL, id: "p1" });
    // Also through a Yjs update (what the sync service stores).
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readPersona(copy)).toEqual(readPersona(doc));
  });

  it("reads competitors as empty in older exports and documents (added later)", () => {
    const { competitors: _dropped, ...older } = FULL;
    const doc = createPersonaDoc(older);
    expect(readPersona(doc).competitors).toEqual([]);
    expect(toPersonaExport(doc)).toEqual({ ...older, competitors: [] });
    // A document stored before the field existed has no "competitors" key at all.
    const stored = new Y.Doc();
    stored.getMap("persona").set("name", new Y.Text("Old"));
    expect(readPersona(stored).competitors).toEqual([]);
    expect(addListItem(stored, "competitors", "Asks for a rival's offer")).toBe(true);
    expect(readPersona(stored).competitors).toEqual(["Asks for a rival's offer"]);
  });

  it("fills defaults for a minimal export", () => {
    const data = readPersona(createPersonaDoc({ format: "journeyboard.persona/v1", name: "Dana" }));
    expect(data.name).toBe("Dana");
    expect(data.goals).toEqual([]);
    expect(data.demographics.age).toBe("");
    expect(data.avatarColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("rejects bad input with a clear message and changes nothing", () => {
    const doc = createPersonaDoc(FULL);
    const before = Y.encodeStateAsUpdate(doc);
    const cases: [unknown, string][] = [
      [{ ...FULL, name: "x".repeat(121) }, "name"],
      [{ ...FULL, name: "   " }, "name"],
      [{ ...FULL, quote: "q".repeat(501) }, "quote"],
      [{ ...FULL, goals: Array.from({ length: LIST_MAX_ITEMS + 1 }, (_, i) => `g${i}`) }, "goals"],
      [{ ...FULL, painPoints: ["p".repeat(501)] }, "painPoints.0"],
      [{ ...FULL, avatarColor: "red" }, "avatarColor"],
      [{ ...FULL, evidence: { note: "", date: "last week" } }, "evidence.date"],
      [{ ...FULL, format: "journeyboard.map/v1" }, "format"],
    ];
    for (const [input, path] of cases) {
      const result = ZPersonaExport.safeParse(input);
      expect(result.success, path).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
      expect(() => applyPersonaExport(doc, input)).toThrow();
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("edits fields and lists", () => {
    const doc = createPersonaDoc({ format: "journeyboard.persona/v1", name: "Dana" });
    setPersonaText(doc, "segment", "Daily user");
    setPersonaText(doc, "quote", "q".repeat(900));
    setAvatarColor(doc, "#16a34a");
    setEvidenceDate(doc, "2026-01-31");
    expect(() => setAvatarColor(doc, "blue")).toThrow();
    expect(() => setEvidenceDate(doc, "31.01.2026")).toThrow();
    addListItem(doc, "goals", "First");
    addListItem(doc, "goals", "Second");
    addListItem(doc, "goals", "Zero", 0);
    setListItem(doc, "goals", 1, "First, edited");
    moveListItem(doc, "goals", 0, 2);
    removeListItem(doc, "goals", 1);
    const data = readPersona(doc);
    expect(data.segment).toBe("Daily user");
    expect(data.quote).toHaveLength(500);
    expect(data.avatarColor).toBe("#16a34a");
    expect(data.evidence.date).toBe("2026-01-31");
    expect(data.goals).toEqual(["First, edited", "Zero"]);
  });

  it("refuses to grow a list beyond its cap", () => {
    const doc = createPersonaDoc({ format: "journeyboard.persona/v1", name: "Dana" });
    for (let i = 0; i < LIST_MAX_ITEMS; i++) expect(addListItem(doc, "channels", `c${i}`)).toBe(true);
    expect(addListItem(doc, "channels", "one too many")).toBe(false);
    expect(readPersona(doc).channels).toHaveLength(LIST_MAX_ITEMS);
  });

  it("merges concurrent edits of the same text from two replicas", () => {
    const a = createPersonaDoc({ format: "journeyboard.persona/v1", name: "Dana", quote: "I want it simple." });
    const b = new Y.Doc();
    sync(a, b);
    setPersonaText(a, "quote", "I want it simple and fast.");
    setPersonaText(b, "quote", "Honestly, I want it simple.");
    addListItem(a, "painPoints", "Slow search");
    addListItem(b, "painPoints", "Too many clicks");
    sync(a, b);
    expect(readPersona(a)).toEqual(readPersona(b));
    expect(readPersona(a).quote).toBe("Honestly, I want it simple and fast.");
    expect(readPersona(a).painPoints.sort()).toEqual(["Slow search", "Too many clicks"]);
  });

  it("applying an export keeps the Y.Text objects live editors are bound to", () => {
    const doc = createPersonaDoc(FULL);
    const bound = personaText(doc, "name");
    applyPersonaExport(doc, { ...FULL, name: "Ines H." });
    expect(personaText(doc, "name")).toBe(bound);
    expect(bound.toString()).toBe("Ines H.");
  });

  it("setText edits minimally and keeps surrogate pairs whole", () => {
    const t = new Y.Doc().getText("t");
    setText(t, "Hello 👋 world");
    setText(t, "Hello 👍 world");
    expect(t.toString()).toBe("Hello 👍 world");
    setText(t, "");
    expect(t.toString()).toBe("");
  });

  it("derives initials", () => {
    expect(personaInitials("Ines Hartmann")).toBe("IH");
    expect(personaInitials("  marco  ")).toBe("M");
    expect(personaInitials("")).toBe("?");
    expect(personaInitials("Özlem van der Berg")).toBe("ÖB");
  });
});
