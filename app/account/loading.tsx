import { Skeleton } from "@/components/ui/skeleton";

export default function AccountLoading() {
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-16 sm:px-6">
      <div className="space-y-2"><Skeleton className="h-7 w-40" /><Skeleton className="h-4 w-72" /></div>
      {["h-24", "h-16", "h-48"].map((h) => (
        <div key={h} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <Skeleton className="h-5 w-48" />
          <Skeleton className={`w-full ${h}`} />
        </div>
      ))}
    </main>
  );
}
