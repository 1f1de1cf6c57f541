import { Skeleton } from "@/components/ui/skeleton";

export default function SettingsLoading() {
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
      <div className="space-y-2"><Skeleton className="h-7 w-40" /><Skeleton className="h-4 w-80" /></div>
      {["h-24", "h-56", "h-28", "h-72"].map((h, i) => (
        <div key={i} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <Skeleton className="h-5 w-48" />
          <Skeleton className={`w-full ${h}`} />
        </div>
      ))}
    </div>
  );
}
