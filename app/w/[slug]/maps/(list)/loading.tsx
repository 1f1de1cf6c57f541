import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of the maps list: header, filter bar, cards with a curve. */
export default function Loading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6" aria-busy="true">
      <div className="flex items-end justify-between">
        <div>
          <Skeleton className="h-7 w-44" />
          <Skeleton className="mt-2 h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-9 w-32" />
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Skeleton className="h-10 min-w-56 flex-[2]" />
        <Skeleton className="h-10 w-40" />
        <Skeleton className="h-10 w-40" />
        <Skeleton className="h-10 w-40" />
        <Skeleton className="h-10 w-36" />
      </div>
      <div className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="rounded-xl border border-slate-200 bg-white p-4">
            <Skeleton className="h-5 w-3/4" />
            <div className="mt-2 flex gap-2">
              <Skeleton className="h-4 w-20" />
              <Skeleton className="h-4 w-24" />
            </div>
            <Skeleton className="mt-3 h-12 w-full" />
            <div className="mt-3 flex justify-between">
              <div className="flex">
                <Skeleton className="h-8 w-8 rounded-full" />
                <Skeleton className="-ml-2 h-8 w-8 rounded-full" />
              </div>
              <Skeleton className="h-4 w-24" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
