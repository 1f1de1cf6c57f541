// Demo content for Acme: three filled journey maps (CONTRACT §3) — the SaaS onboarding as it is today,
// the same process designed as a future state, and the support-to-renewal journey — with stages,
// touchpoints, emotions, moments of truth, KPIs (some still without a target), owner departments,
// responsible people, systems, evidence, pain points, opportunities with owners and statuses, and
// the gaps that follow from channel/device/department changes (one of them marked as handled).
// Maps are created through the same domain function as in the app and projected right away.
// Persona links are added afterwards by the persona seeder (lib/demo/seed-personas.ts).
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { createMap } from "@/lib/maps/create-map";
import {
  addStage, addTouchpoint, computeGaps, createMapDocument, readMap, setGapHandled, type MapState, type TouchpointInput,
} from "@/lib/maps/map-document";
import type { DemoContext } from "./seed-demo";
import { applyMethodDemoCurrent, applyMethodDemoFuture } from "./seed-method";

export type StageSpec = { name: string; touchpoints: TouchpointInput[] };
export type MapSpec = { title: string; outcome: string; state: MapState; ownerDepartment: string; stages: StageSpec[] };

/** The three demo maps in one language (lib/demo/content/*.ts), with the notes of their handled gaps. */
export type DemoMapsContent = {
  onboardingCurrent: MapSpec;
  onboardingFuture: MapSpec;
  supportRenewal: MapSpec;
  /** Note on the onboarding map's first department gap and the support map's first channel gap. */
  gapNotes: { onboardingDepartment: string; supportChannel: string };
};

const ADA = "Ada Lindqvist";
const BEN = "Ben Okafor";
const CEM = "Cem Yilmaz";

const ONBOARDING_CURRENT: MapSpec = {
  title: "SaaS onboarding (current)",
  outcome: "The customer's team runs its first real project in Acme within two weeks of signing.",
  state: "current",
  ownerDepartment: "Customer Service",
  stages: [
    {
      name: "Awareness",
      touchpoints: [
        {
          title: "LinkedIn ad", channel: "Social media", device: "Smartphone", department: "Marketing", owner: ADA,
          activity: "Scrolls the feed on the train and taps an ad about project templates.",
          goal: "Find a quicker way to plan client projects", informationNeeded: "What does it cost? Does it work with our CRM?",
          thoughts: "Looks slick, but is it another tool we'll abandon?", emotion: 1,
          systems: ["LinkedIn Campaign Manager", "HubSpot"],
          kpis: [{ name: "Click-through rate", target: 0.8, actual: 0.55, unit: "%" }, { name: "Cost per lead", target: 45, actual: 61, unit: "€", higherIsBetter: false }],
          evidence: [{ kind: "quantitative", text: "CTR 0.55% over Q2, 212k impressions", source: "LinkedIn Campaign Manager" }],
          opportunities: [{ text: "Show the CRM integration in the ad creative", owner: ADA, department: "Marketing", status: "in_progress" }],
        },
        {
          title: "Pricing page", channel: "Website", device: "Desktop", department: "Marketing", owner: ADA,
          activity: "Compares plans and looks for the SSO option.", informationNeeded: "Is SSO in the Team plan?",
          thoughts: "Why is SSO only in Enterprise?", emotion: -1,
          painPoints: ["SSO only in the most expensive plan", "No price for more than 50 seats"],
          systems: ["Webflow", "Matomo"],
          kpis: [{ name: "Bounce rate", target: 40, actual: 52, unit: "%", higherIsBetter: false }],
          evidence: [{ kind: "qualitative", text: "\u201cWe almost dropped out at the pricing page.\u201d", source: "Win/loss interview, Hartmann GmbH" }],
        },
      ],
    },
    {
      name: "Trial",
      touchpoints: [
        {
          title: "Free trial sign-up", channel: "Website", device: "Desktop", department: "Product", owner: "Mira (Growth PM)",
          activity: "Fills in the sign-up form and confirms the e-mail.", goal: "Try it with a real project",
          thoughts: "Nine fields just to try it?", emotion: -1,
          painPoints: ["Form asks for company size and phone number"],
          systems: ["Auth service", "HubSpot"],
          kpis: [{ name: "Sign-up completion", target: 70, actual: 58, unit: "%" }],
          opportunities: [{ text: "Cut the form to e-mail + password; ask the rest later", owner: "Mira (Growth PM)", department: "Product", status: "open" }],
        },
        {
          title: "Sales call", channel: "Phone", device: "Phone", department: "Sales", owner: CEM,
          activity: "Gets called the same afternoon, asked about budget and timeline.",
          informationNeeded: "Migration effort from spreadsheets", thoughts: "I just wanted to look around first.", emotion: -2, momentOfTruth: true,
          painPoints: ["Called before having seen the product", "Sales cannot see what the trial user already did"],
          systems: ["Salesforce"],
          kpis: [{ name: "Call-to-demo rate", target: 35, actual: 22, unit: "%" }, { name: "Calls per sign-up", target: null, actual: 1.4, unit: "" }],
          evidence: [{ kind: "qualitative", text: "3 of 8 interviewees named the early sales call as annoying", source: "Trial interviews, March" }],
          opportunities: [{ text: "Trigger the call only after the first project is created", owner: CEM, department: "Sales", status: "open" }],
        },
      ],
    },
    {
      name: "Onboarding",
      touchpoints: [
        {
          title: "Welcome e-mail", channel: "E-mail", device: "Smartphone", department: "Customer Service", owner: BEN,
          activity: "Opens the welcome mail with the setup checklist.", emotion: 0,
          systems: ["Customer.io"],
          kpis: [{ name: "Open rate", target: 60, actual: 64, unit: "%" }],
        },
        {
          title: "SSO setup", channel: "App", device: "Desktop", department: "IT", owner: "Jonas (Solutions engineer)",
          activity: "The customer's admin configures SAML with Entra ID.", informationNeeded: "Metadata URL, claim mapping",
          thoughts: "The docs don't match what I see on screen.", emotion: -3, momentOfTruth: true,
          painPoints: ["Outdated screenshots in the SSO guide", "Error messages without a reason"],
          systems: ["Admin console", "Zendesk"],
          kpis: [{ name: "Time to SSO live", target: 2, actual: 6, unit: "days", higherIsBetter: false }],
          evidence: [{ kind: "quantitative", text: "41% of onboarding tickets in Q2 were about SSO", source: "Zendesk report" }],
          opportunities: [{ text: "Guided SSO wizard with a test button", owner: "Jonas (Solutions engineer)", department: "IT", status: "in_progress" }],
        },
        {
          title: "Onboarding call", channel: "Video call", device: "Desktop", department: "Customer Service", owner: BEN,
          activity: "Walks through the first project with a customer success manager.", emotion: 2,
          systems: ["Zoom", "Gainsight"],
          kpis: [{ name: "CSAT", target: 4.5, actual: 4.7, unit: "/5" }],
          evidence: [{ kind: "qualitative", text: "\u201cThat call is when it clicked for us.\u201d", source: "NPS comment" }],
        },
      ],
    },
    {
      name: "First value",
      touchpoints: [
        {
          title: "First project live", channel: "App", device: "Desktop", department: "Product", owner: "Mira (Growth PM)",
          activity: "Invites the team and runs the first client project.", goal: "See the team actually use it", emotion: 2, momentOfTruth: true,
          systems: ["Acme app", "Amplitude"],
          kpis: [{ name: "Weekly active users per account", target: 8, actual: 6.5, unit: "" }, { name: "Time to first project", target: null, actual: 11, unit: "days" }],
        },
        {
          title: "First invoice", channel: "Letter", device: "Paper", department: "Finance", owner: "Finance team",
          activity: "Receives a paper invoice that doesn't match the signed order.", thoughts: "Now we have to chase this internally.", emotion: -2,
          painPoints: ["Invoice lists the wrong seat count"],
          systems: ["DATEV", "Salesforce"],
          kpis: [{ name: "Invoice corrections", target: 2, actual: 7, unit: "%", higherIsBetter: false }],
          opportunities: [{ text: "Generate invoices from the signed order in Salesforce", owner: "Finance team", department: "Finance", status: "open" }],
        },
      ],
    },
  ],
};

/** The same process, redesigned around "Does the vendor keep its promise?". */
const ONBOARDING_FUTURE: MapSpec = {
  title: "SaaS onboarding (future state)",
  outcome: "Productive in one week: SSO live on day one, the first project on day three, no surprises on the invoice.",
  state: "future",
  ownerDepartment: "Customer Service",
  stages: [
    {
      name: "Awareness",
      touchpoints: [
        {
          title: "LinkedIn ad with integration demo", channel: "Social media", device: "Smartphone", department: "Marketing", owner: ADA,
          activity: "Watches a 20-second clip of the CRM sync.", emotion: 2,
          kpis: [{ name: "Click-through rate", target: 1, actual: null, unit: "%" }],
        },
        {
          title: "Transparent pricing page", channel: "Website", device: "Smartphone", department: "Marketing", owner: ADA,
          activity: "Sees SSO in the Team plan and a seat calculator.", emotion: 1,
          kpis: [{ name: "Bounce rate", target: 35, actual: null, unit: "%", higherIsBetter: false }],
        },
      ],
    },
    {
      name: "Trial",
      touchpoints: [
        {
          title: "Two-field sign-up", channel: "Website", device: "Smartphone", department: "Product", owner: "Mira (Growth PM)",
          activity: "Signs up with the work e-mail, straight into a sample project.", emotion: 2,
          kpis: [{ name: "Sign-up completion", target: 80, actual: null, unit: "%" }],
        },
        {
          title: "Product-qualified sales call", channel: "Video call", device: "Desktop", department: "Sales", owner: CEM,
          activity: "Sales calls after the first project, knowing what was tried.", emotion: 1, momentOfTruth: true,
          kpis: [{ name: "Call-to-demo rate", target: 45, actual: null, unit: "%" }],
        },
      ],
    },
    {
      name: "Onboarding",
      touchpoints: [
        {
          title: "SSO wizard with test button", channel: "App", device: "Desktop", department: "IT", owner: "Jonas (Solutions engineer)",
          activity: "Configures SSO step by step and tests it before switching on.", emotion: 2, momentOfTruth: true,
          kpis: [{ name: "Time to SSO live", target: 1, actual: null, unit: "days", higherIsBetter: false }],
        },
        {
          title: "Onboarding call", channel: "Video call", device: "Desktop", department: "Customer Service", owner: BEN,
          activity: "CSM reviews the first project and sets a 30-day goal.", emotion: 3,
          kpis: [{ name: "CSAT", target: 4.7, actual: null, unit: "/5" }],
        },
      ],
    },
    {
      name: "First value",
      touchpoints: [
        {
          title: "First project live", channel: "App", device: "Desktop", department: "Product", owner: "Mira (Growth PM)",
          activity: "The whole team works in Acme by day three.", emotion: 3, momentOfTruth: true,
          kpis: [{ name: "Weekly active users per account", target: 10, actual: null, unit: "" }],
        },
        {
          title: "E-invoice from the signed order", channel: "E-mail", device: "Desktop", department: "Finance", owner: "Finance team",
          activity: "Receives a correct e-invoice matching the order.", emotion: 1,
          kpis: [{ name: "Invoice corrections", target: 0.5, actual: null, unit: "%", higherIsBetter: false }],
        },
      ],
    },
  ],
};

const SUPPORT_RENEWAL: MapSpec = {
  title: "Support renewal",
  outcome: "An incident is solved fast and the customer renews the annual plan with more seats.",
  state: "current",
  ownerDepartment: "Sales",
  stages: [
    {
      name: "Incident",
      touchpoints: [
        {
          title: "Sync to CRM fails after upgrade", channel: "App", device: "Desktop", department: "Product", owner: "Release team",
          activity: "Notices that deals no longer sync after the weekend release.", thoughts: "Our sales team is flying blind.", emotion: -3, momentOfTruth: true,
          painPoints: ["No status page entry", "Release notes didn't mention the API change"],
          systems: ["Acme app", "Statuspage"],
          kpis: [{ name: "Incidents per release", target: 0, actual: 2, unit: "", higherIsBetter: false }],
          evidence: [{ kind: "qualitative", text: "Angry thread in the customer community (38 replies)", source: "Community forum" }],
        },
        {
          title: "Support chat", channel: "Chat", device: "Desktop", department: "Customer Service", owner: BEN,
          activity: "Opens a chat, waits, explains the problem twice.", emotion: -2,
          painPoints: ["Chat and ticket history are not connected"],
          systems: ["Zendesk", "Intercom"],
          kpis: [{ name: "First response time", target: 15, actual: 42, unit: "min", higherIsBetter: false }, { name: "Handovers per ticket", target: null, actual: 2.3, unit: "" }],
          opportunities: [{ text: "One inbox for chat and tickets", owner: BEN, department: "Customer Service", status: "in_progress" }],
        },
      ],
    },
    {
      name: "Resolution",
      touchpoints: [
        {
          title: "Escalation phone call", channel: "Phone", device: "Phone", department: "IT", owner: "On-call engineer",
          activity: "An engineer calls back with a workaround within the hour.", emotion: 1,
          systems: ["PagerDuty"],
          kpis: [{ name: "Time to workaround", target: 4, actual: 3, unit: "h", higherIsBetter: false }],
        },
        {
          title: "Fix and apology e-mail", channel: "E-mail", device: "Desktop", department: "Customer Service", owner: BEN,
          activity: "Gets a summary of the cause, the fix and a credit note.", emotion: 2, momentOfTruth: true,
          kpis: [{ name: "CSAT", target: 4.5, actual: 4.2, unit: "/5" }],
          evidence: [{ kind: "quantitative", text: "CSAT after incidents with a written root cause: 4.4 vs 3.1 without", source: "Zendesk satisfaction survey" }],
          opportunities: [{ text: "Root-cause e-mail template for every P1", owner: BEN, department: "Customer Service", status: "done" }],
        },
      ],
    },
    {
      name: "Renewal",
      touchpoints: [
        {
          title: "Renewal reminder", channel: "E-mail", device: "Smartphone", department: "Finance", owner: "Finance team",
          activity: "Receives an automatic reminder 30 days before the plan ends.", thoughts: "Already? And the price went up.", emotion: -1,
          painPoints: ["Price increase not explained"],
          systems: ["Chargebee"],
          kpis: [{ name: "Reminder open rate", target: null, actual: 71, unit: "%" }],
        },
        {
          title: "Renewal meeting", channel: "Video call", device: "Desktop", department: "Sales", owner: CEM,
          activity: "Reviews usage and the incident, negotiates seats.", goal: "Get more seats at a fair price", emotion: 1, momentOfTruth: true,
          systems: ["Salesforce", "Gainsight"],
          kpis: [{ name: "Gross renewal rate", target: 92, actual: 88, unit: "%" }, { name: "Net revenue retention", target: 110, actual: 104, unit: "%" }],
          opportunities: [{ text: "Usage report prepared before every renewal meeting", owner: CEM, department: "Sales", status: "open" }],
        },
        {
          title: "Referral to a partner company", channel: "Word of mouth", device: "In person", department: "Marketing", owner: ADA,
          activity: "Recommends Acme to a partner agency.", emotion: 2,
          kpis: [{ name: "Referrals per quarter", target: 10, actual: 6, unit: "" }],
        },
      ],
    },
  ],
};

function buildDoc(spec: MapSpec): Y.Doc {
  const doc = createMapDocument({ title: spec.title, outcome: spec.outcome, state: spec.state });
  doc.transact(() => {
    for (const stage of spec.stages) {
      const stageId = addStage(doc, stage.name);
      for (const tp of stage.touchpoints) addTouchpoint(doc, stageId, undefined, tp);
    }
  });
  return doc;
}

/** Marks the first gap of `kind` as handled with a note (the demo shows both open and handled gaps). */
function handleFirstGap(doc: Y.Doc, kind: "channel" | "device" | "department", note: string) {
  const gap = computeGaps(readMap(doc)).find((g) => g.kind === kind);
  if (gap) setGapHandled(doc, gap, true, note);
}

export type DemoMapIds = { onboardingCurrent: string; onboardingFuture: string; supportRenewal: string };

/** The English demo maps (the German ones live in lib/demo/content/de.ts). */
export const EN_DEMO_MAPS: DemoMapsContent = {
  onboardingCurrent: ONBOARDING_CURRENT,
  onboardingFuture: ONBOARDING_FUTURE,
  supportRenewal: SUPPORT_RENEWAL,
  gapNotes: {
    onboardingDepartment: "Marketing passes the lead with the ad campaign id in HubSpot.",
    supportChannel: "The chat transcript is attached to the escalation ticket.",
  },
};

/** Seeds Acme's three demo maps (projected) in the content's language and returns their ids. */
export async function seedDemoMaps(db: Database, ctx: DemoContext, content: DemoMapsContent = EN_DEMO_MAPS): Promise<DemoMapIds> {
  const owner = ctx.userIds["ada@acme.example"] ?? null;
  const create = async (spec: MapSpec, userId: string | null, prepare?: (doc: Y.Doc) => void) => {
    const doc = buildDoc(spec);
    prepare?.(doc);
    const ownerDepartment = spec.ownerDepartment in ctx.departmentIds ? spec.ownerDepartment : null;
    const map = await createMap(db, { workspaceId: ctx.acmeId, userId, title: spec.title, doc, ownerDepartment });
    return map.id;
  };
  const onboardingCurrent = await create(content.onboardingCurrent, owner, (doc) => {
    handleFirstGap(doc, "department", content.gapNotes.onboardingDepartment);
    applyMethodDemoCurrent(doc, ctx.locale);
  });
  const onboardingFuture = await create(content.onboardingFuture, ctx.userIds["ben@acme.example"] ?? owner, (doc) => applyMethodDemoFuture(doc, ctx.locale));
  const supportRenewal = await create(content.supportRenewal, ctx.userIds["cem@acme.example"] ?? owner, (doc) =>
    handleFirstGap(doc, "channel", content.gapNotes.supportChannel),
  );
  return { onboardingCurrent, onboardingFuture, supportRenewal };
}
