// Current vs future state, as a labelled badge (text, not colour alone).
export function StateBadge({ state, label }: { state: "current" | "future"; label: string }) {
  const style = state === "future" ? "bg-violet-50 text-violet-700 ring-violet-200" : "bg-sky-50 text-sky-700 ring-sky-200";
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}>{label}</span>;
}
