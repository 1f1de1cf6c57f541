// Built-in vocabulary suggestions in English and German (the terms the templates use), offered in
// settings to start a workspace's lists and in the editor while a workspace has none of its own.
import type { VocabularyKind } from "@/db/schema/vocabularies";

export type VocabularyEntry = { term: string; synonyms: string[] };
export type VocabularyLocale = "en" | "de";

export const SUGGESTED_VOCABULARY: Record<VocabularyKind, Record<VocabularyLocale, VocabularyEntry[]>> = {
  channel: {
    en: [
      { term: "Website", synonyms: ["Web", "Homepage", "Online"] },
      { term: "E-mail", synonyms: ["Email", "Mail", "Newsletter"] },
      { term: "Phone", synonyms: ["Call", "Hotline", "Telephone"] },
      { term: "Chat", synonyms: ["Live chat", "Chatbot"] },
      { term: "App", synonyms: ["Mobile app"] },
      { term: "Social media", synonyms: ["Social", "LinkedIn", "Instagram"] },
      { term: "In person", synonyms: ["Personal", "Face to face", "On site"] },
      { term: "Letter", synonyms: ["Post", "Mailing"] },
    ],
    de: [
      { term: "Website", synonyms: ["Web", "Webseite", "Homepage", "Online"] },
      { term: "E-Mail", synonyms: ["Email", "Mail", "Newsletter"] },
      { term: "Telefon", synonyms: ["Anruf", "Hotline"] },
      { term: "Chat", synonyms: ["Live-Chat", "Chatbot"] },
      { term: "App", synonyms: ["Mobile App"] },
      { term: "Social Media", synonyms: ["Soziale Medien", "LinkedIn", "Instagram"] },
      { term: "Persönlich", synonyms: ["Vor Ort", "Im Gespräch"] },
      { term: "Brief", synonyms: ["Post", "Mailing"] },
    ],
  },
  device: {
    en: [
      { term: "Desktop", synonyms: ["PC", "Computer", "Laptop"] },
      { term: "Smartphone", synonyms: ["Mobile", "Phone", "Cell phone"] },
      { term: "Tablet", synonyms: ["iPad"] },
      { term: "In person", synonyms: ["None", "Offline"] },
    ],
    de: [
      { term: "Desktop", synonyms: ["PC", "Computer", "Laptop"] },
      { term: "Smartphone", synonyms: ["Handy", "Mobiltelefon", "Mobil"] },
      { term: "Tablet", synonyms: ["iPad"] },
      { term: "Persönlich", synonyms: ["Kein Gerät", "Offline"] },
    ],
  },
};
