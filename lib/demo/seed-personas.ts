// Demo content for Acme: personas built from (fictional) interviews, linked to Acme's journey maps,
// and a stakeholder map whose departments match the workspace's departments and touchpoint owners.
// Runs after the maps seeder (so the maps exist) and before the sync service starts.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { journeyMaps, mapPersonas } from "@/db/schema";
import { setPersonaIds, readMap } from "@/lib/maps/map-document";
import { createPersona } from "@/lib/personas/create-persona";
import { getDocumentStore } from "@/lib/personas/document-store";
import type { PersonaExportInput } from "@/lib/personas/persona-document";
import { createStakeholderMap } from "@/lib/stakeholders/create-stakeholder-map";
import type { StakeholdersExportInput } from "@/lib/stakeholders/stakeholder-document";
import { mapDocName } from "@/lib/live-documents/doc-name";

export type DemoPersona = Omit<PersonaExportInput, "format"> & { key: "admin" | "user" | "buyer" };
type Persona = DemoPersona;

/** Personas and the stakeholder map in one language (lib/demo/content/*.ts). */
export type DemoPersonasContent = { personas: DemoPersona[]; stakeholders: Omit<StakeholdersExportInput, "format"> };

const PERSONAS: Persona[] = [
  {
    key: "admin",
    name: "Ines Hartmann",
    segment: "IT admin",
    quote: "If it doesn't work with our single sign-on, it doesn't get rolled out.",
    avatarColor: "#0891b2",
    demographics: { age: "38", location: "Munich, Germany", incomeBand: "€80,000–100,000", familyStatus: "Married, two children", gender: "Female" },
    job: { title: "Head of IT Operations at a 600-person manufacturer", career: "Trained as a systems integrator, eight years as sysadmin, team lead since 2019; owns identity, SaaS procurement checks and endpoint management." },
    goals: ["Roll out new tools without tickets piling up", "One identity for every SaaS tool (SSO + SCIM)", "Pass the yearly ISO 27001 audit without surprises"],
    values: ["Security over convenience", "Predictability", "Documentation she can trust"],
    painPoints: ["Manual user provisioning for every new tool", "Shadow IT bought on credit cards by departments", "Vendors that answer security questionnaires in weeks, not days"],
    concerns: ["Integration with Entra ID and existing systems", "Data residency and GDPR (EU hosting, DPA)", "Product fit for 600 users across three sites", "Who gets admin rights and how they are audited"],
    informationSources: ["Vendor documentation and status pages", "Heise and c't", "Peer admins in a regional Slack community", "Gartner Peer Insights"],
    channels: ["E-mail with a named contact", "Scheduled technical video call", "Shared support portal with ticket history"],
    contentFormats: ["Technical docs and API references", "Security whitepapers", "Short setup videos"],
    purchases: ["Okta (evaluated, chose Entra ID)", "Jira Service Management", "1Password Business"],
    competitors: ["Sends the same security questionnaire to three vendors and picks the one that answers fastest", "Trusts vendors her peers already run; distrusts feature comparison pages", "Would switch only if SSO and SCIM were missing or broken"],
    evidence: { note: "8 interviews with IT admins of existing customers (Jan–Feb 2026), 212 onboarding support tickets tagged 'SSO', security questionnaire backlog from Sales.", date: "2026-02-20" },
  },
  {
    key: "user",
    name: "Marco Rossi",
    segment: "Daily user",
    quote: "I just want to find the customer's last conversation before I call them back.",
    avatarColor: "#ea580c",
    demographics: { age: "29", location: "Hamburg, Germany", incomeBand: "€40,000–55,000", familyStatus: "Single, lives with partner", gender: "Male" },
    job: { title: "Inside sales representative", career: "Started in customer service, moved to inside sales two years ago; measured on calls per day and conversion." },
    goals: ["Spend time with customers, not with the tool", "See everything about a customer on one screen", "Hit the monthly target without overtime"],
    values: ["Speed", "Being well prepared for every call", "Helping colleagues"],
    painPoints: ["Switching between four tabs to prepare one call", "Search that does not find a customer by their company's old name", "Training videos that are 40 minutes long"],
    concerns: ["Will it slow him down in the first weeks?", "Does it work on his phone between appointments?"],
    informationSources: ["Colleagues on the team chat", "In-app help and tooltips", "YouTube tutorials"],
    channels: ["In-app chat", "Team chat", "Short e-mail summaries"],
    contentFormats: ["2-minute videos", "Checklists", "Tooltips in the product"],
    purchases: ["Notion (personal)", "A headset he chose himself"],
    competitors: ["Used Monday.com at his last job and compares every screen with it", "Doesn't look for alternatives himself, but complains loudly in the team chat when things are slow"],
    evidence: { note: "6 contextual interviews and 2 shadowing days with sales and service staff (Mar 2026), in-app analytics on search usage.", date: "2026-03-12" },
  },
  {
    key: "buyer",
    name: "Dr. Karin Vogt",
    segment: "Economic buyer",
    quote: "Show me what it costs per seat in year three, not in the first month.",
    avatarColor: "#16a34a",
    demographics: { age: "51", location: "Stuttgart, Germany", incomeBand: "€120,000+", familyStatus: "Married, adult children", gender: "Female" },
    job: { title: "CFO", career: "Controller in an automotive supplier, finance director, CFO since 2021; signs every contract above €25k." },
    goals: ["Predictable licence costs", "Consolidate overlapping tools", "Clear ROI story for the board"],
    values: ["Reliability", "Transparency", "Long-term partnerships"],
    painPoints: ["Price increases at renewal without warning", "Invoices that do not match the number of active users"],
    concerns: ["Total cost of ownership over three years", "Contract terms and notice periods", "Vendor stability"],
    informationSources: ["Analyst reports", "Peers in a CFO network", "Her own finance team's analysis"],
    channels: ["Meeting with an account executive", "Formal proposal by e-mail"],
    contentFormats: ["One-page business case", "Reference customer calls"],
    purchases: ["SAP S/4HANA", "A spend-management tool"],
    competitors: ["Asks for a competing offer before every renewal to negotiate the price", "Compares the three-year total cost, not the list price", "Stays with a vendor that keeps its promises even when a rival is 10% cheaper"],
    evidence: { note: "4 interviews with finance decision makers and the win/loss analysis of 30 deals (2025).", date: "2026-01-15" },
  },
];

/** Which personas a map is about, from its title (the demo maps are named after their process). */
function personasForMap(title: string, index: number): Persona["key"][] {
  const t = title.toLowerCase();
  const keys = new Set<Persona["key"]>();
  if (/onboard|setup|set-up|einricht|implement|rollout|sso|integrat|trial|test/.test(t)) keys.add("admin");
  if (/purchas|buy|renew|invoice|billing|kauf|verläng|rechnung|contract|vertrag/.test(t)) keys.add("buyer");
  if (/support|service|use|nutz|daily|help|onboard/.test(t) || keys.size === 0) keys.add("user");
  if (index === 0) keys.add("admin");
  return [...keys];
}

const STAKEHOLDERS: Omit<StakeholdersExportInput, "format"> = {
  title: "Acme customer ecosystem",
  stakeholders: [
    { id: "sales", name: "Sales", type: "department", department: "Sales", ring: "direct", angle: 20, influence: 2, description: "Account executives and inside sales; run demos, proposals and renewals." },
    { id: "cs", name: "Customer Service", type: "department", department: "Customer Service", ring: "direct", angle: 100, influence: -1, description: "First-line support by chat, phone and e-mail; long waits during onboarding peaks." },
    { id: "marketing", name: "Marketing", type: "department", department: "Marketing", ring: "direct", angle: 300, influence: 1, description: "Website, campaigns, webinars and the newsletter." },
    { id: "onboarding", name: "Onboarding team", type: "team", ring: "direct", angle: 200, influence: 2, description: "Customer success managers who guide the first 90 days." },
    { id: "kam", name: "Key account manager", type: "person", ring: "direct", angle: 250, influence: 3, description: "Named contact for the top 40 accounts." },
    { id: "product", name: "Product", type: "department", department: "Product", ring: "indirect", angle: 60, influence: 1, description: "Roadmap, release notes and in-app guidance." },
    { id: "it", name: "IT", type: "department", department: "IT", ring: "indirect", angle: 150, influence: -1, description: "Runs SSO, hosting and integrations; hand-overs to support lose context." },
    { id: "finance", name: "Finance", type: "department", department: "Finance", ring: "indirect", angle: 230, influence: -2, description: "Invoicing, dunning and contract terms; invoices confuse customers." },
    { id: "crm", name: "CRM (Salesforce)", type: "system", ring: "indirect", angle: 330, influence: 1, description: "Customer history shared by Sales, Marketing and Service." },
    { id: "helpdesk", name: "Help desk (Zendesk)", type: "system", ring: "indirect", angle: 110, influence: 0, description: "Tickets, macros and the help centre." },
    { id: "billing", name: "Billing system", type: "system", ring: "indirect", angle: 270, influence: -1, description: "Generates invoices from seat counts." },
    { id: "partner", name: "Implementation partner", type: "partner", ring: "environment", angle: 170, influence: 2, description: "Certified partner that sets up SSO and data migration for larger customers." },
    { id: "payment", name: "Payment provider", type: "partner", ring: "environment", angle: 250, influence: 0, description: "Card and SEPA payments." },
    { id: "reviews", name: "Review platforms (G2, Capterra)", type: "partner", ring: "environment", angle: 330, influence: 1, description: "Where prospects read other customers' experiences." },
    { id: "dpa", name: "Data protection authority", type: "partner", ring: "environment", angle: 40, influence: -1, description: "GDPR requirements shape the contract and hosting questions." },
  ],
  relationships: [
    { id: "r-sales-customer", from: "sales", to: "customer", provides: "information", label: "Demo and proposal", direction: "both" },
    { id: "r-customer-sales", from: "customer", to: "sales", provides: "money", label: "Signed contract", direction: "one-way" },
    { id: "r-cs-customer", from: "cs", to: "customer", provides: "service", label: "Answers tickets", direction: "one-way" },
    { id: "r-marketing-customer", from: "marketing", to: "customer", provides: "information", label: "Webinars, newsletter", direction: "one-way" },
    { id: "r-onboarding-customer", from: "onboarding", to: "customer", provides: "service", label: "Guided setup", direction: "one-way" },
    { id: "r-kam-customer", from: "kam", to: "customer", provides: "trust", label: "Quarterly review", direction: "both" },
    { id: "r-product-customer", from: "product", to: "customer", provides: "product", label: "Releases", direction: "one-way" },
    { id: "r-finance-customer", from: "finance", to: "customer", provides: "information", label: "Invoices", direction: "one-way" },
    { id: "r-customer-payment", from: "customer", to: "payment", provides: "money", label: "Card / SEPA", direction: "one-way" },
    { id: "r-payment-finance", from: "payment", to: "finance", provides: "money", label: "Payouts", direction: "one-way" },
    { id: "r-crm-sales", from: "crm", to: "sales", provides: "information", label: "Customer history", direction: "both" },
    { id: "r-crm-cs", from: "crm", to: "cs", provides: "information", label: "Account context", direction: "one-way" },
    { id: "r-helpdesk-cs", from: "helpdesk", to: "cs", provides: "information", label: "Ticket queue", direction: "both" },
    { id: "r-it-onboarding", from: "it", to: "onboarding", provides: "service", label: "SSO setup", direction: "one-way" },
    { id: "r-partner-customer", from: "partner", to: "customer", provides: "service", label: "Data migration", direction: "one-way" },
    { id: "r-customer-reviews", from: "customer", to: "reviews", provides: "trust", label: "Reviews", direction: "one-way" },
    { id: "r-reviews-marketing", from: "reviews", to: "marketing", provides: "information", label: "Social proof", direction: "one-way" },
    { id: "r-billing-finance", from: "billing", to: "finance", provides: "information", label: "Seat counts", direction: "one-way" },
    { id: "r-dpa-it", from: "dpa", to: "it", provides: "other", label: "GDPR requirements", direction: "one-way" },
    { id: "r-product-cs", from: "cs", to: "product", provides: "information", label: "Feature requests", direction: "one-way" },
  ],
};

export type SeedPersonasContext = { acmeId: string; userIds: Record<string, string> };

/** The English personas and stakeholder map (the German ones live in lib/demo/content/de.ts). */
export const EN_DEMO_PERSONAS: DemoPersonasContent = { personas: PERSONAS, stakeholders: STAKEHOLDERS };

/** Seeds Acme's personas (linked to its maps) and its stakeholder map, in the content's language. */
export async function seedDemoPersonas(db: Database, ctx: SeedPersonasContext, demo: DemoPersonasContent = EN_DEMO_PERSONAS): Promise<void> {
  const creator = ctx.userIds["ada@acme.example"] ?? null;
  const ids = {} as Record<Persona["key"], string>;
  for (const { key, ...content } of demo.personas) {
    const created = await createPersona(db, { workspaceId: ctx.acmeId, userId: creator, content: { format: "journeyboard.persona/v1", ...content } });
    ids[key] = created.id;
  }

  const maps = await db
    .select({ id: journeyMaps.id, title: journeyMaps.title })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.workspaceId, ctx.acmeId), isNull(journeyMaps.deletedAt)))
    .orderBy(asc(journeyMaps.createdAt));
  const store = getDocumentStore(db);
  for (const [index, map] of maps.entries()) {
    const personaIds = personasForMap(map.title, index).map((k) => ids[k]);
    // The map document is the source of truth; map_personas is its projection, written here too
    // because the projection hooks are not running while the demo is seeded.
    await store.edit(mapDocName(map.id), ctx.acmeId, (doc) => setPersonaIds(doc, [...new Set([...readMap(doc).personaIds, ...personaIds])]));
    await db
      .insert(mapPersonas)
      .values(personaIds.map((personaId) => ({ mapId: map.id, personaId, workspaceId: ctx.acmeId })))
      .onConflictDoNothing();
  }

  await createStakeholderMap(db, { workspaceId: ctx.acmeId, userId: creator, content: demo.stakeholders });
}
