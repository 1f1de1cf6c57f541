// The demo workspace in German (DEMO_LOCALE=de, or a German LANG/LC_ALL): the same maps, personas
// and stakeholder map as en.ts, written for a German-speaking team — titles, lanes, KPI names and
// units, departments, channels and devices.
import type { MapSpec } from "../seed-maps";
import type { DemoPersona } from "../seed-personas";
import type { DemoContent } from "./types";

const ADA = "Ada Lindqvist";
const BEN = "Ben Okafor";
const CEM = "Cem Yilmaz";
const MIRA = "Mira (Growth-PM)";
const JONAS = "Jonas (Solutions Engineer)";
const FINANZ = "Finanzteam";

const ONBOARDING_CURRENT: MapSpec = {
  title: "SaaS-Onboarding (Ist-Zustand)",
  outcome: "Das Team des Kunden führt innerhalb von zwei Wochen nach Vertragsabschluss sein erstes echtes Projekt in Acme durch.",
  state: "current",
  ownerDepartment: "Kundenservice",
  stages: [
    {
      name: "Aufmerksamkeit",
      touchpoints: [
        {
          title: "LinkedIn-Anzeige", channel: "Social Media", device: "Smartphone", department: "Marketing", owner: ADA,
          activity: "Scrollt im Zug durch den Feed und tippt auf eine Anzeige zu Projektvorlagen.",
          goal: "Kundenprojekte schneller planen", informationNeeded: "Was kostet es? Funktioniert es mit unserem CRM?",
          thoughts: "Sieht schick aus – aber wird das wieder ein Tool, das wir nach drei Monaten aufgeben?", emotion: 1,
          systems: ["LinkedIn Campaign Manager", "HubSpot"],
          kpis: [{ name: "Klickrate", target: 0.8, actual: 0.55, unit: "%" }, { name: "Kosten pro Lead", target: 45, actual: 61, unit: "€", higherIsBetter: false }],
          evidence: [{ kind: "quantitative", text: "Klickrate 0,55 % im zweiten Quartal, 212.000 Impressionen", source: "LinkedIn Campaign Manager" }],
          opportunities: [{ text: "Die CRM-Integration im Anzeigenmotiv zeigen", owner: ADA, department: "Marketing", status: "in_progress" }],
        },
        {
          title: "Preisseite", channel: "Website", device: "Desktop", department: "Marketing", owner: ADA,
          activity: "Vergleicht die Tarife und sucht nach der SSO-Option.", informationNeeded: "Ist SSO im Team-Tarif enthalten?",
          thoughts: "Warum gibt es SSO nur im Enterprise-Tarif?", emotion: -1,
          painPoints: ["SSO nur im teuersten Tarif", "Kein Preis für mehr als 50 Nutzer"],
          systems: ["Webflow", "Matomo"],
          kpis: [{ name: "Absprungrate", target: 40, actual: 52, unit: "%", higherIsBetter: false }],
          evidence: [{ kind: "qualitative", text: "„Auf der Preisseite wären wir fast ausgestiegen.“", source: "Win/Loss-Interview, Hartmann GmbH" }],
        },
      ],
    },
    {
      name: "Testphase",
      touchpoints: [
        {
          title: "Registrierung für die Testversion", channel: "Website", device: "Desktop", department: "Produkt", owner: MIRA,
          activity: "Füllt das Registrierungsformular aus und bestätigt die E-Mail-Adresse.", goal: "Mit einem echten Projekt ausprobieren",
          thoughts: "Neun Felder, nur um es auszuprobieren?", emotion: -1,
          painPoints: ["Formular fragt nach Firmengröße und Telefonnummer"],
          systems: ["Auth-Dienst", "HubSpot"],
          kpis: [{ name: "Abschlussquote Registrierung", target: 70, actual: 58, unit: "%" }],
          opportunities: [{ text: "Formular auf E-Mail + Passwort kürzen; den Rest später fragen", owner: MIRA, department: "Produkt", status: "open" }],
        },
        {
          title: "Anruf vom Vertrieb", channel: "Telefon", device: "Telefon", department: "Vertrieb", owner: CEM,
          activity: "Wird noch am selben Nachmittag angerufen und nach Budget und Zeitplan gefragt.",
          informationNeeded: "Aufwand für die Migration aus Tabellen", thoughts: "Ich wollte mich doch erst einmal umsehen.", emotion: -2, momentOfTruth: true,
          painPoints: ["Anruf, bevor das Produkt überhaupt angesehen wurde", "Der Vertrieb sieht nicht, was der Testnutzer schon getan hat"],
          systems: ["Salesforce"],
          kpis: [{ name: "Quote Anruf zu Demo", target: 35, actual: 22, unit: "%" }, { name: "Anrufe pro Registrierung", target: null, actual: 1.4, unit: "" }],
          evidence: [{ kind: "qualitative", text: "3 von 8 Befragten nannten den frühen Vertriebsanruf störend", source: "Interviews mit Testnutzern, März" }],
          opportunities: [{ text: "Anruf erst auslösen, wenn das erste Projekt angelegt ist", owner: CEM, department: "Vertrieb", status: "open" }],
        },
      ],
    },
    {
      name: "Onboarding",
      touchpoints: [
        {
          title: "Willkommens-E-Mail", channel: "E-Mail", device: "Smartphone", department: "Kundenservice", owner: BEN,
          activity: "Öffnet die Willkommens-Mail mit der Checkliste für die Einrichtung.", emotion: 0,
          systems: ["Customer.io"],
          kpis: [{ name: "Öffnungsrate", target: 60, actual: 64, unit: "%" }],
        },
        {
          title: "SSO-Einrichtung", channel: "App", device: "Desktop", department: "IT", owner: JONAS,
          activity: "Die Administratorin des Kunden richtet SAML mit Entra ID ein.", informationNeeded: "Metadaten-URL, Claim-Zuordnung",
          thoughts: "Die Doku passt nicht zu dem, was ich auf dem Bildschirm sehe.", emotion: -3, momentOfTruth: true,
          painPoints: ["Veraltete Screenshots in der SSO-Anleitung", "Fehlermeldungen ohne Grund"],
          systems: ["Admin-Konsole", "Zendesk"],
          kpis: [{ name: "Zeit bis SSO live", target: 2, actual: 6, unit: "Tage", higherIsBetter: false }],
          evidence: [{ kind: "quantitative", text: "41 % der Onboarding-Tickets im zweiten Quartal betrafen SSO", source: "Zendesk-Bericht" }],
          opportunities: [{ text: "Geführter SSO-Assistent mit Test-Button", owner: JONAS, department: "IT", status: "in_progress" }],
        },
        {
          title: "Onboarding-Call", channel: "Videocall", device: "Desktop", department: "Kundenservice", owner: BEN,
          activity: "Geht mit einer Customer-Success-Managerin das erste Projekt durch.", emotion: 2,
          systems: ["Zoom", "Gainsight"],
          kpis: [{ name: "Kundenzufriedenheit (CSAT)", target: 4.5, actual: 4.7, unit: "/5" }],
          evidence: [{ kind: "qualitative", text: "„In diesem Call hat es bei uns Klick gemacht.“", source: "NPS-Kommentar" }],
        },
      ],
    },
    {
      name: "Erster Nutzen",
      touchpoints: [
        {
          title: "Erstes Projekt live", channel: "App", device: "Desktop", department: "Produkt", owner: MIRA,
          activity: "Lädt das Team ein und führt das erste Kundenprojekt durch.", goal: "Sehen, dass das Team es wirklich nutzt", emotion: 2, momentOfTruth: true,
          systems: ["Acme-App", "Amplitude"],
          kpis: [{ name: "Wöchentlich aktive Nutzer pro Konto", target: 8, actual: 6.5, unit: "" }, { name: "Zeit bis zum ersten Projekt", target: null, actual: 11, unit: "Tage" }],
        },
        {
          title: "Erste Rechnung", channel: "Brief", device: "Papier", department: "Finanzen", owner: FINANZ,
          activity: "Erhält eine Papierrechnung, die nicht zum unterschriebenen Auftrag passt.", thoughts: "Jetzt müssen wir das intern klären.", emotion: -2,
          painPoints: ["Rechnung nennt die falsche Nutzerzahl"],
          systems: ["DATEV", "Salesforce"],
          kpis: [{ name: "Rechnungskorrekturen", target: 2, actual: 7, unit: "%", higherIsBetter: false }],
          opportunities: [{ text: "Rechnungen aus dem unterschriebenen Auftrag in Salesforce erzeugen", owner: FINANZ, department: "Finanzen", status: "open" }],
        },
      ],
    },
  ],
};

/** Derselbe Prozess, neu gestaltet um die Frage „Hält der Anbieter sein Versprechen?“. */
const ONBOARDING_FUTURE: MapSpec = {
  title: "SaaS-Onboarding (Soll-Zustand)",
  outcome: "Produktiv in einer Woche: SSO am ersten Tag, das erste Projekt am dritten Tag, keine Überraschungen auf der Rechnung.",
  state: "future",
  ownerDepartment: "Kundenservice",
  stages: [
    {
      name: "Aufmerksamkeit",
      touchpoints: [
        {
          title: "LinkedIn-Anzeige mit Integrationsdemo", channel: "Social Media", device: "Smartphone", department: "Marketing", owner: ADA,
          activity: "Sieht einen 20-Sekunden-Clip der CRM-Synchronisierung.", emotion: 2,
          kpis: [{ name: "Klickrate", target: 1, actual: null, unit: "%" }],
        },
        {
          title: "Transparente Preisseite", channel: "Website", device: "Smartphone", department: "Marketing", owner: ADA,
          activity: "Sieht SSO im Team-Tarif und einen Rechner für die Nutzerzahl.", emotion: 1,
          kpis: [{ name: "Absprungrate", target: 35, actual: null, unit: "%", higherIsBetter: false }],
        },
      ],
    },
    {
      name: "Testphase",
      touchpoints: [
        {
          title: "Registrierung mit zwei Feldern", channel: "Website", device: "Smartphone", department: "Produkt", owner: MIRA,
          activity: "Registriert sich mit der geschäftlichen E-Mail und landet direkt in einem Beispielprojekt.", emotion: 2,
          kpis: [{ name: "Abschlussquote Registrierung", target: 80, actual: null, unit: "%" }],
        },
        {
          title: "Vertriebsgespräch nach dem ersten Projekt", channel: "Videocall", device: "Desktop", department: "Vertrieb", owner: CEM,
          activity: "Der Vertrieb ruft nach dem ersten Projekt an und weiß, was ausprobiert wurde.", emotion: 1, momentOfTruth: true,
          kpis: [{ name: "Quote Anruf zu Demo", target: 45, actual: null, unit: "%" }],
        },
      ],
    },
    {
      name: "Onboarding",
      touchpoints: [
        {
          title: "SSO-Assistent mit Test-Button", channel: "App", device: "Desktop", department: "IT", owner: JONAS,
          activity: "Richtet SSO Schritt für Schritt ein und testet es vor dem Einschalten.", emotion: 2, momentOfTruth: true,
          kpis: [{ name: "Zeit bis SSO live", target: 1, actual: null, unit: "Tage", higherIsBetter: false }],
        },
        {
          title: "Onboarding-Call", channel: "Videocall", device: "Desktop", department: "Kundenservice", owner: BEN,
          activity: "Die CSM bespricht das erste Projekt und setzt ein 30-Tage-Ziel.", emotion: 3,
          kpis: [{ name: "Kundenzufriedenheit (CSAT)", target: 4.7, actual: null, unit: "/5" }],
        },
      ],
    },
    {
      name: "Erster Nutzen",
      touchpoints: [
        {
          title: "Erstes Projekt live", channel: "App", device: "Desktop", department: "Produkt", owner: MIRA,
          activity: "Am dritten Tag arbeitet das ganze Team in Acme.", emotion: 3, momentOfTruth: true,
          kpis: [{ name: "Wöchentlich aktive Nutzer pro Konto", target: 10, actual: null, unit: "" }],
        },
        {
          title: "E-Rechnung aus dem unterschriebenen Auftrag", channel: "E-Mail", device: "Desktop", department: "Finanzen", owner: FINANZ,
          activity: "Erhält eine korrekte E-Rechnung, die zum Auftrag passt.", emotion: 1,
          kpis: [{ name: "Rechnungskorrekturen", target: 0.5, actual: null, unit: "%", higherIsBetter: false }],
        },
      ],
    },
  ],
};

const SUPPORT_RENEWAL: MapSpec = {
  title: "Support und Vertragsverlängerung",
  outcome: "Eine Störung wird schnell gelöst und der Kunde verlängert den Jahresvertrag mit mehr Nutzern.",
  state: "current",
  ownerDepartment: "Vertrieb",
  stages: [
    {
      name: "Störung",
      touchpoints: [
        {
          title: "CRM-Synchronisierung fällt nach Update aus", channel: "App", device: "Desktop", department: "Produkt", owner: "Release-Team",
          activity: "Bemerkt, dass Deals nach dem Release am Wochenende nicht mehr synchronisiert werden.", thoughts: "Unser Vertrieb fliegt blind.", emotion: -3, momentOfTruth: true,
          painPoints: ["Kein Eintrag auf der Statusseite", "Release Notes erwähnten die API-Änderung nicht"],
          systems: ["Acme-App", "Statuspage"],
          kpis: [{ name: "Störungen pro Release", target: 0, actual: 2, unit: "", higherIsBetter: false }],
          evidence: [{ kind: "qualitative", text: "Verärgerter Thread in der Kunden-Community (38 Antworten)", source: "Community-Forum" }],
        },
        {
          title: "Support-Chat", channel: "Chat", device: "Desktop", department: "Kundenservice", owner: BEN,
          activity: "Öffnet einen Chat, wartet und erklärt das Problem zweimal.", emotion: -2,
          painPoints: ["Chat- und Ticketverlauf sind nicht verbunden"],
          systems: ["Zendesk", "Intercom"],
          kpis: [{ name: "Erste Antwortzeit", target: 15, actual: 42, unit: "Min.", higherIsBetter: false }, { name: "Übergaben pro Ticket", target: null, actual: 2.3, unit: "" }],
          opportunities: [{ text: "Ein Posteingang für Chat und Tickets", owner: BEN, department: "Kundenservice", status: "in_progress" }],
        },
      ],
    },
    {
      name: "Lösung",
      touchpoints: [
        {
          title: "Rückruf bei Eskalation", channel: "Telefon", device: "Telefon", department: "IT", owner: "Bereitschaftsingenieur",
          activity: "Ein Ingenieur ruft innerhalb einer Stunde mit einer Übergangslösung zurück.", emotion: 1,
          systems: ["PagerDuty"],
          kpis: [{ name: "Zeit bis zur Übergangslösung", target: 4, actual: 3, unit: "Std.", higherIsBetter: false }],
        },
        {
          title: "Behebung und Entschuldigung per E-Mail", channel: "E-Mail", device: "Desktop", department: "Kundenservice", owner: BEN,
          activity: "Erhält eine Zusammenfassung von Ursache und Behebung sowie eine Gutschrift.", emotion: 2, momentOfTruth: true,
          kpis: [{ name: "Kundenzufriedenheit (CSAT)", target: 4.5, actual: 4.2, unit: "/5" }],
          evidence: [{ kind: "quantitative", text: "CSAT nach Störungen mit schriftlicher Ursachenanalyse: 4,4 gegenüber 3,1 ohne", source: "Zendesk-Zufriedenheitsumfrage" }],
          opportunities: [{ text: "Vorlage für eine Ursachen-E-Mail bei jeder P1-Störung", owner: BEN, department: "Kundenservice", status: "done" }],
        },
      ],
    },
    {
      name: "Verlängerung",
      touchpoints: [
        {
          title: "Erinnerung an die Verlängerung", channel: "E-Mail", device: "Smartphone", department: "Finanzen", owner: FINANZ,
          activity: "Erhält 30 Tage vor Vertragsende eine automatische Erinnerung.", thoughts: "Schon? Und der Preis ist gestiegen.", emotion: -1,
          painPoints: ["Preiserhöhung nicht erklärt"],
          systems: ["Chargebee"],
          kpis: [{ name: "Öffnungsrate der Erinnerung", target: null, actual: 71, unit: "%" }],
        },
        {
          title: "Verlängerungsgespräch", channel: "Videocall", device: "Desktop", department: "Vertrieb", owner: CEM,
          activity: "Bespricht Nutzung und Störung, verhandelt die Nutzerzahl.", goal: "Mehr Lizenzen zu einem fairen Preis", emotion: 1, momentOfTruth: true,
          systems: ["Salesforce", "Gainsight"],
          kpis: [{ name: "Verlängerungsquote (brutto)", target: 92, actual: 88, unit: "%" }, { name: "Net Revenue Retention", target: 110, actual: 104, unit: "%" }],
          opportunities: [{ text: "Nutzungsbericht vor jedem Verlängerungsgespräch vorbereiten", owner: CEM, department: "Vertrieb", status: "open" }],
        },
        {
          title: "Empfehlung an ein Partnerunternehmen", channel: "Mundpropaganda", device: "Persönlich", department: "Marketing", owner: ADA,
          activity: "Empfiehlt Acme einer Partneragentur.", emotion: 2,
          kpis: [{ name: "Empfehlungen pro Quartal", target: 10, actual: 6, unit: "" }],
        },
      ],
    },
  ],
};

const PERSONAS: DemoPersona[] = [
  {
    key: "admin",
    name: "Ines Hartmann",
    segment: "IT-Administratorin",
    quote: "Wenn es nicht mit unserem Single Sign-on funktioniert, wird es nicht ausgerollt.",
    avatarColor: "#0891b2",
    demographics: { age: "38", location: "München", incomeBand: "80.000–100.000 €", familyStatus: "Verheiratet, zwei Kinder", gender: "Weiblich" },
    job: { title: "Leiterin IT-Betrieb bei einem Hersteller mit 600 Beschäftigten", career: "Ausbildung zur Fachinformatikerin Systemintegration, acht Jahre Administratorin, seit 2019 Teamleiterin; verantwortet Identitäten, SaaS-Beschaffungsprüfungen und Endgeräteverwaltung." },
    goals: ["Neue Tools einführen, ohne dass sich Tickets stapeln", "Eine Identität für jedes SaaS-Tool (SSO + SCIM)", "Das jährliche ISO-27001-Audit ohne Überraschungen bestehen"],
    values: ["Sicherheit vor Bequemlichkeit", "Planbarkeit", "Dokumentation, der sie vertrauen kann"],
    painPoints: ["Manuelle Benutzeranlage für jedes neue Tool", "Schatten-IT, die Fachabteilungen per Kreditkarte kaufen", "Anbieter, die Sicherheitsfragebögen in Wochen statt Tagen beantworten"],
    concerns: ["Integration mit Entra ID und bestehenden Systemen", "Datenhaltung und DSGVO (Hosting in der EU, AVV)", "Eignung für 600 Nutzer an drei Standorten", "Wer Adminrechte bekommt und wie sie geprüft werden"],
    informationSources: ["Herstellerdokumentation und Statusseiten", "Heise und c't", "Andere Admins in einer regionalen Slack-Community", "Gartner Peer Insights"],
    channels: ["E-Mail mit fester Ansprechperson", "Geplanter technischer Videocall", "Gemeinsames Supportportal mit Ticketverlauf"],
    contentFormats: ["Technische Doku und API-Referenzen", "Sicherheits-Whitepaper", "Kurze Einrichtungsvideos"],
    purchases: ["Okta (geprüft, Entra ID gewählt)", "Jira Service Management", "1Password Business"],
    competitors: ["Schickt denselben Sicherheitsfragebogen an drei Anbieter und nimmt den, der am schnellsten antwortet", "Vertraut Anbietern, die Kolleginnen schon einsetzen; misstraut Feature-Vergleichsseiten", "Würde nur wechseln, wenn SSO und SCIM fehlen oder nicht funktionieren"],
    evidence: { note: "8 Interviews mit IT-Admins von Bestandskunden (Jan.–Feb. 2026), 212 Onboarding-Tickets mit dem Schlagwort „SSO“, Rückstau an Sicherheitsfragebögen im Vertrieb.", date: "2026-02-20" },
  },
  {
    key: "user",
    name: "Marco Rossi",
    segment: "Täglicher Nutzer",
    quote: "Ich will nur das letzte Gespräch mit dem Kunden finden, bevor ich zurückrufe.",
    avatarColor: "#ea580c",
    demographics: { age: "29", location: "Hamburg", incomeBand: "40.000–55.000 €", familyStatus: "Ledig, lebt mit Partnerin", gender: "Männlich" },
    job: { title: "Vertriebsmitarbeiter im Innendienst", career: "Hat im Kundenservice angefangen und ist vor zwei Jahren in den Innendienst gewechselt; gemessen an Anrufen pro Tag und Abschlussquote." },
    goals: ["Zeit mit Kunden verbringen, nicht mit dem Tool", "Alles über einen Kunden auf einem Bildschirm sehen", "Das Monatsziel ohne Überstunden erreichen"],
    values: ["Tempo", "Gut vorbereitet in jedes Gespräch", "Kollegen helfen"],
    painPoints: ["Wechselt zwischen vier Tabs, um ein Gespräch vorzubereiten", "Die Suche findet einen Kunden nicht unter dem alten Firmennamen", "Schulungsvideos, die 40 Minuten dauern"],
    concerns: ["Bremst es ihn in den ersten Wochen aus?", "Funktioniert es zwischen Terminen auf dem Handy?"],
    informationSources: ["Kollegen im Team-Chat", "In-App-Hilfe und Tooltips", "YouTube-Tutorials"],
    channels: ["In-App-Chat", "Team-Chat", "Kurze Zusammenfassungen per E-Mail"],
    contentFormats: ["2-Minuten-Videos", "Checklisten", "Tooltips im Produkt"],
    purchases: ["Notion (privat)", "Ein selbst ausgesuchtes Headset"],
    competitors: ["Hat im letzten Job Monday.com genutzt und vergleicht jeden Bildschirm damit", "Sucht selbst keine Alternativen, beschwert sich aber laut im Team-Chat, wenn etwas langsam ist"],
    evidence: { note: "6 Kontextinterviews und 2 Hospitationstage bei Vertrieb und Service (März 2026), In-App-Analysen zur Nutzung der Suche.", date: "2026-03-12" },
  },
  {
    key: "buyer",
    name: "Dr. Karin Vogt",
    segment: "Wirtschaftliche Entscheiderin",
    quote: "Zeigen Sie mir, was es pro Nutzer im dritten Jahr kostet, nicht im ersten Monat.",
    avatarColor: "#16a34a",
    demographics: { age: "51", location: "Stuttgart", incomeBand: "über 120.000 €", familyStatus: "Verheiratet, erwachsene Kinder", gender: "Weiblich" },
    job: { title: "Finanzvorständin (CFO)", career: "Controllerin bei einem Automobilzulieferer, Leiterin Finanzen, seit 2021 CFO; unterschreibt jeden Vertrag über 25.000 €." },
    goals: ["Planbare Lizenzkosten", "Überschneidende Tools zusammenführen", "Eine klare ROI-Geschichte für den Aufsichtsrat"],
    values: ["Verlässlichkeit", "Transparenz", "Langfristige Partnerschaften"],
    painPoints: ["Preiserhöhungen bei der Verlängerung ohne Vorwarnung", "Rechnungen, die nicht zur Zahl der aktiven Nutzer passen"],
    concerns: ["Gesamtkosten über drei Jahre", "Vertragsbedingungen und Kündigungsfristen", "Stabilität des Anbieters"],
    informationSources: ["Analystenberichte", "Kollegen in einem CFO-Netzwerk", "Die Analysen ihres Finanzteams"],
    channels: ["Termin mit einem Account Executive", "Formales Angebot per E-Mail"],
    contentFormats: ["Einseitiger Business Case", "Gespräche mit Referenzkunden"],
    purchases: ["SAP S/4HANA", "Ein Tool für das Ausgabenmanagement"],
    competitors: ["Holt vor jeder Verlängerung ein Konkurrenzangebot ein, um den Preis zu verhandeln", "Vergleicht die Gesamtkosten über drei Jahre, nicht den Listenpreis", "Bleibt bei einem Anbieter, der Wort hält, auch wenn ein Wettbewerber 10 % günstiger ist"],
    evidence: { note: "4 Interviews mit Finanzentscheidern und die Win/Loss-Analyse von 30 Abschlüssen (2025).", date: "2026-01-15" },
  },
];

const STAKEHOLDERS: DemoContent["personas"]["stakeholders"] = {
  title: "Acme-Kundenökosystem",
  stakeholders: [
    { id: "sales", name: "Vertrieb", type: "department", department: "Vertrieb", ring: "direct", angle: 20, influence: 2, description: "Account Executives und Innendienst; Demos, Angebote und Verlängerungen." },
    { id: "cs", name: "Kundenservice", type: "department", department: "Kundenservice", ring: "direct", angle: 100, influence: -1, description: "First-Level-Support per Chat, Telefon und E-Mail; lange Wartezeiten in Onboarding-Spitzen." },
    { id: "marketing", name: "Marketing", type: "department", department: "Marketing", ring: "direct", angle: 300, influence: 1, description: "Website, Kampagnen, Webinare und Newsletter." },
    { id: "onboarding", name: "Onboarding-Team", type: "team", ring: "direct", angle: 200, influence: 2, description: "Customer-Success-Manager, die durch die ersten 90 Tage führen." },
    { id: "kam", name: "Key-Account-Managerin", type: "person", ring: "direct", angle: 250, influence: 3, description: "Feste Ansprechpartnerin der 40 größten Kunden." },
    { id: "product", name: "Produkt", type: "department", department: "Produkt", ring: "indirect", angle: 60, influence: 1, description: "Roadmap, Release Notes und Hilfen im Produkt." },
    { id: "it", name: "IT", type: "department", department: "IT", ring: "indirect", angle: 150, influence: -1, description: "Betreibt SSO, Hosting und Integrationen; bei Übergaben an den Support geht Kontext verloren." },
    { id: "finance", name: "Finanzen", type: "department", department: "Finanzen", ring: "indirect", angle: 230, influence: -2, description: "Rechnungen, Mahnwesen und Vertragsbedingungen; Rechnungen verwirren Kunden." },
    { id: "crm", name: "CRM (Salesforce)", type: "system", ring: "indirect", angle: 330, influence: 1, description: "Kundenhistorie, die Vertrieb, Marketing und Service teilen." },
    { id: "helpdesk", name: "Helpdesk (Zendesk)", type: "system", ring: "indirect", angle: 110, influence: 0, description: "Tickets, Textbausteine und Hilfecenter." },
    { id: "billing", name: "Abrechnungssystem", type: "system", ring: "indirect", angle: 270, influence: -1, description: "Erzeugt Rechnungen aus der Nutzerzahl." },
    { id: "partner", name: "Implementierungspartner", type: "partner", ring: "environment", angle: 170, influence: 2, description: "Zertifizierter Partner, der SSO und Datenmigration für größere Kunden einrichtet." },
    { id: "payment", name: "Zahlungsdienstleister", type: "partner", ring: "environment", angle: 250, influence: 0, description: "Karten- und SEPA-Zahlungen." },
    { id: "reviews", name: "Bewertungsportale (G2, Capterra)", type: "partner", ring: "environment", angle: 330, influence: 1, description: "Wo Interessenten die Erfahrungen anderer Kunden lesen." },
    { id: "dpa", name: "Datenschutzbehörde", type: "partner", ring: "environment", angle: 40, influence: -1, description: "DSGVO-Vorgaben prägen Vertrags- und Hostingfragen." },
  ],
  relationships: [
    { id: "r-sales-customer", from: "sales", to: "customer", provides: "information", label: "Demo und Angebot", direction: "both" },
    { id: "r-customer-sales", from: "customer", to: "sales", provides: "money", label: "Unterschriebener Vertrag", direction: "one-way" },
    { id: "r-cs-customer", from: "cs", to: "customer", provides: "service", label: "Beantwortet Tickets", direction: "one-way" },
    { id: "r-marketing-customer", from: "marketing", to: "customer", provides: "information", label: "Webinare, Newsletter", direction: "one-way" },
    { id: "r-onboarding-customer", from: "onboarding", to: "customer", provides: "service", label: "Begleitete Einrichtung", direction: "one-way" },
    { id: "r-kam-customer", from: "kam", to: "customer", provides: "trust", label: "Quartalsgespräch", direction: "both" },
    { id: "r-product-customer", from: "product", to: "customer", provides: "product", label: "Releases", direction: "one-way" },
    { id: "r-finance-customer", from: "finance", to: "customer", provides: "information", label: "Rechnungen", direction: "one-way" },
    { id: "r-customer-payment", from: "customer", to: "payment", provides: "money", label: "Karte / SEPA", direction: "one-way" },
    { id: "r-payment-finance", from: "payment", to: "finance", provides: "money", label: "Auszahlungen", direction: "one-way" },
    { id: "r-crm-sales", from: "crm", to: "sales", provides: "information", label: "Kundenhistorie", direction: "both" },
    { id: "r-crm-cs", from: "crm", to: "cs", provides: "information", label: "Kontokontext", direction: "one-way" },
    { id: "r-helpdesk-cs", from: "helpdesk", to: "cs", provides: "information", label: "Ticket-Warteschlange", direction: "both" },
    { id: "r-it-onboarding", from: "it", to: "onboarding", provides: "service", label: "SSO-Einrichtung", direction: "one-way" },
    { id: "r-partner-customer", from: "partner", to: "customer", provides: "service", label: "Datenmigration", direction: "one-way" },
    { id: "r-customer-reviews", from: "customer", to: "reviews", provides: "trust", label: "Bewertungen", direction: "one-way" },
    { id: "r-reviews-marketing", from: "reviews", to: "marketing", provides: "information", label: "Social Proof", direction: "one-way" },
    { id: "r-billing-finance", from: "billing", to: "finance", provides: "information", label: "Nutzerzahlen", direction: "one-way" },
    { id: "r-dpa-it", from: "dpa", to: "it", provides: "other", label: "DSGVO-Vorgaben", direction: "one-way" },
    { id: "r-product-cs", from: "cs", to: "product", provides: "information", label: "Funktionswünsche", direction: "one-way" },
  ],
};

export const DE: DemoContent = {
  locale: "de",
  departments: [
    { key: "marketing", name: "Marketing", color: "#db2777" },
    { key: "sales", name: "Vertrieb", color: "#ea580c" },
    { key: "service", name: "Kundenservice", color: "#0891b2" },
    { key: "product", name: "Produkt", color: "#7c3aed" },
    { key: "it", name: "IT", color: "#475569" },
    { key: "finance", name: "Finanzen", color: "#16a34a" },
    { key: "hr", name: "Personal", color: "#ca8a04" },
    { key: "management", name: "Geschäftsführung", color: "#1d4ed8" },
  ],
  maps: {
    onboardingCurrent: ONBOARDING_CURRENT,
    onboardingFuture: ONBOARDING_FUTURE,
    supportRenewal: SUPPORT_RENEWAL,
    gapNotes: {
      onboardingDepartment: "Das Marketing übergibt den Lead mit der Kampagnen-ID in HubSpot.",
      supportChannel: "Das Chatprotokoll hängt am Eskalationsticket.",
    },
  },
  personas: { personas: PERSONAS, stakeholders: STAKEHOLDERS },
};
