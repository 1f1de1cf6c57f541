// The demo workspace in English (the maps and personas live next to their seeders).
import { EN_DEMO_MAPS } from "../seed-maps";
import { EN_DEMO_PERSONAS } from "../seed-personas";
import type { DemoContent } from "./types";

export const EN: DemoContent = {
  locale: "en",
  departments: [
    { key: "marketing", name: "Marketing", color: "#db2777" },
    { key: "sales", name: "Sales", color: "#ea580c" },
    { key: "service", name: "Customer Service", color: "#0891b2" },
    { key: "product", name: "Product", color: "#7c3aed" },
    { key: "it", name: "IT", color: "#475569" },
    { key: "finance", name: "Finance", color: "#16a34a" },
    { key: "hr", name: "HR", color: "#ca8a04" },
    { key: "management", name: "Management", color: "#1d4ed8" },
  ],
  maps: EN_DEMO_MAPS,
  personas: EN_DEMO_PERSONAS,
};
