// WCAG 2.2 AA with axe-core: every route and every dialog, panel and menu state, as each role; every
// area in both languages (each state in one of them, alternating — see RUNS). Any serious or critical
// finding fails the test, listed with the state it came from.
//
// To cover a new screen or state, add one entry to STATES below: an area (one test per area, role and
// language; reuse one or name a new one), a name, the roles that can reach
// it, the path (from the ids this spec creates in beforeAll), an optional `ready` (wait for the
// content) and an optional `open` (click whatever opens the dialog/panel/menu). Selectors must not
// depend on the language (test ids, roles with attributes), since a state may run in EN or DE.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO, expect, signInContext, test } from "./fixtures";

export type Role = "owner" | "editor" | "viewer" | "anonymous";
/** What the spec creates once per worker, for the paths of the states. */
export type Ids = { map: string; persona: string; stakeholderMap: string; invitation: string; pairedMap: string; cycleMap: string };
export type AxeState = {
  /** One test per area, role and language (areas keep each test short and the workers busy). */
  area: string;
  name: string;
  roles: readonly Role[];
  path: (ids: Ids) => string;
  ready?: (page: Page) => Promise<unknown>;
  open?: (page: Page) => Promise<unknown>;
  /** Undoes `open`, so the next state on the same path reuses the loaded page (no reload). */
  close?: (page: Page) => Promise<unknown>;
};

const MEMBERS: readonly Role[] = ["owner", "editor", "viewer"];
/** States whose markup differs for viewers (read-only); editors see what owners see there. */
const OWNER_VIEWER: readonly Role[] = ["owner", "viewer"];
const OWNER: readonly Role[] = ["owner"];
const ANONYMOUS: readonly Role[] = ["anonymous"];
const USER_OF_ROLE: Record<Exclude<Role, "anonymous">, string> = { owner: DEMO.ada, editor: DEMO.ben, viewer: DEMO.vic };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LOCALES = ["en", "de"] as const;

const byTestId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor({ timeout: 20_000 });
const click = (id: string) => (page: Page) => page.getByTestId(id).first().click();
const escape = (page: Page) => page.keyboard.press("Escape");
const mapReady = async (page: Page) => {
  await page.getByTestId("map-grid").waitFor();
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", /saved|read-only/, { timeout: 30_000 });
};
const stakeholderReady = async (page: Page) => {
  await page.getByTestId("stakeholder-canvas").waitFor();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", /saved|read-only/, { timeout: 30_000 });
};
const personaReady = byTestId("persona-sheet");

export const STATES: AxeState[] = [
  // Public pages.
  { area: "public", name: "sign-in", roles: ANONYMOUS, path: () => "/sign-in", ready: (p) => p.locator("form").first().waitFor() },
  { area: "public", name: "sign-up", roles: ANONYMOUS, path: () => "/sign-up", ready: (p) => p.locator("form").first().waitFor() },
  { area: "public", name: "invitation (signed out)", roles: ANONYMOUS, path: (ids) => `/invite/${ids.invitation}`, ready: (p) => p.locator("h1").waitFor() },
  { area: "public", name: "invitation (signed in)", roles: ["viewer"], path: (ids) => `/invite/${ids.invitation}`, ready: (p) => p.locator("h1").waitFor() },
  { area: "public", name: "invitation (unknown link)", roles: ANONYMOUS, path: () => "/invite/jb_inv_unknown", ready: (p) => p.locator("h1").waitFor() },
  { area: "public", name: "not found", roles: ["owner"], path: () => "/w/acme/maps/00000000-0000-4000-8000-000000000000", ready: (p) => p.locator("h1").waitFor() },
  // Workspace.
  { area: "workspace", name: "onboarding", roles: OWNER, path: () => "/onboarding", ready: (p) => p.locator("h1").waitFor() },
  { area: "workspace", name: "home", roles: MEMBERS, path: () => "/w/acme", ready: byTestId("home-recent-maps") },
  { area: "workspace", name: "account", roles: OWNER, path: () => "/account", ready: (p) => p.locator("h1").waitFor() },
  { area: "maps list", name: "maps list (grid)", roles: OWNER_VIEWER, path: () => "/w/acme/maps", ready: byTestId("maps-grid") },
  { area: "maps list", name: "maps list (table)", roles: OWNER, path: () => "/w/acme/maps?view=list", ready: byTestId("maps-table") },
  { area: "maps list", name: "maps list: new map dialog", roles: OWNER, path: () => "/w/acme/maps", ready: byTestId("maps-grid"), open: async (p) => { await p.getByTestId("new-map").first().click(); await p.getByTestId("new-map-form").waitFor(); } , close: escape },
  { area: "maps list", name: "maps list: map menu", roles: OWNER, path: () => "/w/acme/maps", ready: byTestId("maps-grid"), open: async (p) => { await p.locator('[data-testid^="map-actions-"]').first().click(); await p.getByRole("menu").waitFor(); } , close: escape },
  { area: "maps list", name: "maps list: map settings dialog", roles: OWNER, path: () => "/w/acme/maps", ready: byTestId("maps-grid"), open: async (p) => { await p.locator('[data-testid^="map-actions-"]').first().click(); await p.getByRole("menuitem").nth(1).click(); await p.getByTestId("map-settings-form").waitFor(); } , close: escape },
  // Map editor.
  { area: "map editor", name: "map editor (grid)", roles: MEMBERS, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady },
  { area: "map editor", name: "map editor: shortcuts dialog", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("shortcuts-button")(p); await p.getByTestId("shortcuts-dialog").waitFor(); } , close: escape },
  { area: "map editor", name: "map editor: persona picker", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await p.getByTestId("personas").locator("button").first().click(); await p.getByTestId("personas").locator("ul").waitFor(); }, close: (p) => p.getByTestId("personas").locator("button").first().click() },
  { area: "map editor", name: "map editor: stage menu", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("stage-menu")(p); await p.getByRole("menu").waitFor(); } , close: escape },
  { area: "map editor", name: "map editor: touchpoint menu", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("touchpoint-menu")(p); await p.getByRole("menu").waitFor(); } , close: escape },
  { area: "map editor", name: "map editor: delete stage dialog", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("stage-menu")(p); await click("stage-delete")(p); await p.getByTestId("confirm-dialog").waitFor(); } , close: escape },
  { area: "map editor", name: "map editor: cell editing", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await p.locator('[data-testid^="cell-activity-"]').first().click(); await p.locator('[data-testid^="cell-activity-"] textarea').first().waitFor(); } , close: escape },
  { area: "map editor", name: "map editor: history", roles: OWNER_VIEWER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("history-button")(p); await p.getByTestId("history-panel").waitFor(); await p.locator('[data-testid="history-list"], [data-testid="history-empty"]').first().waitFor(); }, close: click("history-close") },
  { area: "map editor", name: "map editor: side panel", roles: OWNER_VIEWER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("open-details")(p); await p.getByTestId("touchpoint-panel").waitFor(); } },
  { area: "map editor", name: "map editor: stage dialog", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("stage-question")(p); await p.getByTestId("stage-dialog").waitFor(); await p.getByTestId("stage-central-question").waitFor(); }, close: escape },
  { area: "map editor", name: "map editor: journey outcomes", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("journey-outcomes-button")(p); await p.getByTestId("journey-outcomes-dialog").waitFor(); }, close: click("journey-outcomes-close") },
  { area: "map editor", name: "map editor: loop view (cyclic map)", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.cycleMap}`, ready: mapReady, open: async (p) => { await click("map-view-loop")(p); await p.getByTestId("loop-point").first().waitFor(); }, close: click("map-view-grid") },
  { area: "workspace", name: "settings: vocabularies", roles: OWNER, path: () => "/w/acme/settings/vocabularies", ready: byTestId("vocabulary-channel") },
  { area: "map editor", name: "map editor (zoomed out)", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.map}`, ready: mapReady, open: async (p) => { await click("fit-map")(p); await p.waitForTimeout(300); } },
  // Current ⇄ future pair (issue 13): the side-by-side view.
  { area: "current vs future", name: "current vs future (side by side)", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.pairedMap}/compare-future`, ready: byTestId("pair-comparison") },
  { area: "current vs future", name: "current vs future: curves as table", roles: OWNER, path: (ids) => `/w/acme/maps/${ids.pairedMap}/compare-future`, ready: byTestId("pair-comparison"), open: async (p) => { await p.getByTestId("pair-curves-table-toggle").click(); await p.getByTestId("pair-curve-table").waitFor(); } },
  // Personas.
  { area: "personas", name: "personas gallery", roles: OWNER, path: () => "/w/acme/personas", ready: byTestId("persona-card-link") },
  { area: "personas", name: "persona sheet", roles: OWNER_VIEWER, path: (ids) => `/w/acme/personas/${ids.persona}`, ready: personaReady },
  { area: "personas", name: "persona sheet: delete dialog", roles: OWNER, path: (ids) => `/w/acme/personas/${ids.persona}`, ready: personaReady, open: async (p) => { await click("delete-persona")(p); await p.locator("dialog[open]").waitFor(); } , close: escape },
  // Stakeholder maps.
  { area: "stakeholders", name: "stakeholder maps", roles: OWNER, path: () => "/w/acme/stakeholders", ready: byTestId("stakeholder-map-link") },
  { area: "stakeholders", name: "stakeholder canvas", roles: OWNER_VIEWER, path: (ids) => `/w/acme/stakeholders/${ids.stakeholderMap}`, ready: stakeholderReady },
  { area: "stakeholders", name: "stakeholder canvas: stakeholder selected", roles: OWNER_VIEWER, path: (ids) => `/w/acme/stakeholders/${ids.stakeholderMap}`, ready: stakeholderReady, open: async (p) => { await p.locator('[data-testid="stakeholder-node"][data-id="sales"]').click(); await p.getByTestId("stakeholder-details").waitFor(); } , close: async () => {} },
  { area: "stakeholders", name: "stakeholder canvas: relationship selected", roles: OWNER, path: (ids) => `/w/acme/stakeholders/${ids.stakeholderMap}`, ready: stakeholderReady, open: async (p) => { await p.getByTestId("relationship").first().locator("text, path").first().click({ force: true }); await p.getByTestId("relationship-details").waitFor(); } },
  // Dashboard.
  { area: "dashboard", name: "dashboard (charts)", roles: OWNER, path: () => "/w/acme/dashboard", ready: byTestId("dashboard-grid") },
  {
    area: "dashboard", name: "dashboard (table views)", roles: OWNER, path: () => "/w/acme/dashboard", ready: byTestId("dashboard-grid"),
    open: async (p) => {
      const toggles = p.getByTestId("dashboard-grid").locator('button[aria-pressed="false"]');
      for (let n = await toggles.count(); n > 0; n--) await toggles.first().click();
    },
  },
  // Search: the command palette with results, and the search page.
  {
    area: "search", name: "command palette (results)", roles: OWNER, path: () => "/w/acme", ready: byTestId("home-recent-maps"),
    open: async (p) => { await p.getByTestId("search-button").click(); await p.getByTestId("palette-input").fill("onboarding"); await p.getByTestId("palette-result").first().waitFor(); },
    close: escape,
  },
  { area: "search", name: "search page", roles: OWNER, path: () => "/w/acme/search?q=onboarding", ready: byTestId("search-result") },
  // Members and settings.
  { area: "workspace", name: "members", roles: MEMBERS, path: () => "/w/acme/members", ready: byTestId("members-table") },
  { area: "workspace", name: "settings", roles: MEMBERS, path: () => "/w/acme/settings", ready: (p) => p.locator("h1").waitFor() },
];

const CONTENT = {
  stakeholders: [
    { id: "sales", name: "Sales", type: "department", department: "Sales", ring: "direct", angle: 0, influence: 2 },
    { id: "crm", name: "CRM", type: "system", ring: "indirect", angle: 120, influence: 1 },
    { id: "bank", name: "Bank", type: "partner", ring: "environment", angle: 240, influence: 0 },
  ],
  relationships: [{ id: "r1", from: "sales", to: "customer", provides: "information", label: "Demo" }],
};

/** Own copies of realistic content (a demo map's export), so other specs' edits never matter here. */
async function createContent(browser: Browser, baseURL: string): Promise<Ids> {
  const context = await browser.newContext({ baseURL });
  try {
    await signInContext(context, baseURL, DEMO.ada);
    const request = context.request;
    const maps = (await (await request.get("/api/v1/workspaces/acme/maps")).json()) as { id: string; title: string }[];
    const source = maps.find((m) => /Onboarding|Support/i.test(m.title)) ?? maps[0];
    const exported = (await (await request.get(`/api/v1/maps/${source.id}`)).json()) as Record<string, unknown>;
    const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title: "Accessibility check" } });
    expect(created.status()).toBe(201);
    const map = ((await created.json()) as { id: string }).id;
    const put = await request.put(`/api/v1/maps/${map}`, { data: { ...exported, id: undefined, title: "Accessibility check" } });
    expect(put.status(), await put.text()).toBe(200);

    // A current map with its designed future state (side-by-side view).
    const pairCurrent = await request.post("/api/v1/workspaces/acme/maps", { data: { title: "Accessibility pair", template: "saas-b2b" } });
    expect(pairCurrent.status()).toBe(201);
    const pairedMap = ((await pairCurrent.json()) as { id: string }).id;
    const designed = await request.post(`/api/v1/maps/${pairedMap}/future-state`, { data: { title: "Accessibility pair – future" } });
    expect(designed.status(), await designed.text()).toBe(201);
    // A cyclic map (the five-phase template) for the loop view.
    const cycle = await request.post("/api/v1/workspaces/acme/maps", { data: { title: "Accessibility loop", template: "relationship-cycle" } });
    expect(cycle.status()).toBe(201);
    const cycleMap = ((await cycle.json()) as { id: string }).id;

    const persona = await request.post("/api/v1/workspaces/acme/personas", {
      data: { name: "Nora Accessible", segment: "SMB", quote: "I work with a screen reader.", goals: ["Finish in one go"], painPoints: ["Tiny buttons"] },
    });
    expect(persona.status()).toBe(201);
    const stakeholders = await request.post("/api/v1/workspaces/acme/stakeholder-maps", { data: { title: "Accessibility stakeholders", ...CONTENT } });
    expect(stakeholders.status()).toBe(201);

    // An invitation link, created the way an owner does it (there is no API for invitations).
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
    const page = await context.newPage();
    await page.goto("/w/acme/members");
    await page.getByLabel("E-mail").first().fill(`a11y-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`);
    await page.getByRole("button", { name: "Create invitation" }).click();
    const link = await page.getByTestId("invitation-link").inputValue();
    const invitation = link.split("/invite/")[1];
    expect(invitation).toMatch(/^jb_inv_/);
    return { map, persona: ((await persona.json()) as { id: string }).id, stakeholderMap: ((await stakeholders.json()) as { id: string }).id, invitation, pairedMap, cycleMap };
  } finally {
    await context.close();
  }
}

type Finding = { state: string; rule: string; impact: string; help: string; targets: string[] };

async function scan(page: Page, state: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ state, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`) }));
}

test.describe.configure({ mode: "parallel", timeout: 240_000 });
test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 });

let ids: Ids | null = null;
test.beforeAll(async ({ browser, baseURL }) => {
  ids ??= await createContent(browser, baseURL!);
});

const AREAS = [...new Set(STATES.map((s) => s.area))];

const ROLES = ["owner", "editor", "viewer", "anonymous"] as const;
// Each state is scanned in one language, the two alternating within an area, so every area is
// checked in English and German while a full scan of both took ~11 of CI's minutes on 2 cores (axe on
// the map grid is the slow part). Whether each string exists in both languages is checked elsewhere
// (lib/i18n). An area's states run in parts of at most 5: one test scanning the map editor's 13 ran
// past its 4 minutes on a busy machine.
const STATES_PER_TEST = 5;
const RUNS = ROLES.flatMap((role) =>
  AREAS.flatMap((area) => {
    const all = STATES.filter((s) => s.area === area && s.roles.includes(role));
    return LOCALES.flatMap((locale, l) => {
      // The first state in English for one role, in German for the next: an area with a single state still meets both.
      const states = all.filter((_, i) => (i + ROLES.indexOf(role)) % LOCALES.length === l);
      const parts = Math.ceil(states.length / STATES_PER_TEST);
      return Array.from({ length: parts }, (_, i) => ({
        locale, role, area: parts > 1 ? `${area} (${i + 1}/${parts})` : area,
        states: states.slice(i * STATES_PER_TEST, (i + 1) * STATES_PER_TEST),
      }));
    });
  }),
);

for (const { locale, role, area, states } of RUNS) {
  test(`no serious or critical axe findings: ${area}, ${role}, ${locale}`, async ({ browser, baseURL }) => {
    const context: BrowserContext = await browser.newContext({ baseURL, locale: locale === "de" ? "de-DE" : "en-US" });
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    if (role !== "anonymous") await signInContext(context, baseURL!, USER_OF_ROLE[role]);
    // The sign-in sets the locale cookie from the account setting; the test's language wins.
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    const page = await context.newPage();
    const findings: Finding[] = [];
    let loaded: { path: string; close: (page: Page) => Promise<unknown> } | null = null;
    const load = async (state: AxeState, path: string) => {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await state.ready?.(page);
    };
    for (const state of states) {
      // A state that cannot be reached is a finding too; the crawl goes on so one run shows all.
      await test.step(state.name, async () => {
        const path = state.path(ids!);
        try {
          try {
            // Same page as the state before and that state could be undone: no reload.
            if (loaded?.path === path) await loaded.close(page);
            else await load(state, path);
            await state.open?.(page);
          } catch {
            await load(state, path);
            await state.open?.(page);
          }
          loaded = { path, close: state.open ? (state.close ?? (() => Promise.reject(new Error("no close")))) : async () => {} };
          const found = await scan(page, state.name);
          if (found.length) console.log(`[axe ${role} ${locale}] ${JSON.stringify(found, null, 1)}`);
          findings.push(...found);
        } catch (error) {
          loaded = null;
          findings.push({ state: state.name, rule: "state-not-reached", impact: "critical", help: String(error).split("\n")[0], targets: [] });
          console.log(`[axe ${role} ${locale}] ${state.name}: not reached: ${String(error).split("\n")[0]}`);
        }
      });
    }
    await context.close();
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
}
