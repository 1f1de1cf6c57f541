// Poster texts in the export's language, from the message files (exchange.poster, editor lanes).
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";
import type { PosterLabels } from "./poster-layout";

type Tree = Record<string, unknown>;
const at = (tree: Tree, path: string): string => {
  const value = path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Tree)[key] : undefined), tree);
  return typeof value === "string" ? value : path;
};

export function posterLabels(locale: Locale): PosterLabels {
  const m = loadMessages(locale) as Tree;
  const lane = (k: string) => at(m, `editor.lanes.${k}`);
  return {
    lanes: {
      channel: lane("channel"), device: lane("device"), activity: lane("activity"), goal: lane("goal"),
      informationNeeded: lane("informationNeeded"), thoughts: lane("thoughts"), emotion: lane("emotion"),
      painPoints: lane("painPoints"), opportunities: lane("opportunities"),
      department: `${lane("department")} / ${at(m, "editor.responsiblePerson")}`,
      systems: lane("systems"), kpis: lane("kpis"), evidence: lane("evidence"),
    },
    states: { current: at(m, "editor.mapState.current"), future: at(m, "editor.mapState.future") },
    personas: at(m, "exchange.poster.personas"),
    outcome: at(m, "exchange.poster.outcome"),
    exported: at(m, "exchange.poster.exported"),
    page: at(m, "exchange.poster.page"),
    continued: at(m, "exchange.poster.continued"),
    untitledStage: at(m, "editor.untitledStage"),
    untitledTouchpoint: at(m, "editor.untitledTouchpoint"),
    gapKinds: { channel: at(m, "editor.gapKind.channel"), device: at(m, "editor.gapKind.device"), department: at(m, "editor.gapKind.department") },
    legend: {
      emotion: at(m, "exchange.poster.legend.emotion"), notRated: at(m, "exchange.poster.legend.notRated"),
      momentOfTruth: at(m, "exchange.poster.legend.momentOfTruth"), gapOpen: at(m, "exchange.poster.legend.gapOpen"),
      gapHandled: at(m, "exchange.poster.legend.gapHandled"), kpiOn: at(m, "exchange.poster.legend.kpiOn"), kpiOff: at(m, "exchange.poster.legend.kpiOff"),
    },
  };
}
