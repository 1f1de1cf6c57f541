// The shape of the map editor while it loads: top bar, stage band, lane labels, a few columns.
import { Skeleton } from "@/components/ui/skeleton";
import { HEADER_HEIGHT, LABEL_WIDTH } from "./layout";

export const EDITOR_HEIGHT = "h-[calc(100dvh-3.3rem)] lg:h-dvh";

export function EditorSkeleton({ title, message }: { title?: string; message?: string }) {
  return (
    <div className={`flex ${EDITOR_HEIGHT} flex-col`} aria-busy="true" data-testid="editor-skeleton">
      <div className="border-b border-slate-200 bg-white px-4 py-3">
        <div className="flex items-center gap-3">
          {title ? <h1 className="truncate text-lg font-semibold text-slate-900">{title}</h1> : <Skeleton className="h-6 w-64" />}
          <Skeleton className="ml-auto h-7 w-24" />
          <Skeleton className="h-7 w-20" />
        </div>
        <div className="mt-2 flex gap-2">
          <Skeleton className="h-7 w-32" />
          <Skeleton className="h-7 w-40" />
          {message ? <p role="status" className="ml-auto text-sm text-slate-600">{message}</p> : null}
        </div>
      </div>
      <div className="flex min-h-0 flex-1 overflow-hidden bg-slate-50">
        <div className="shrink-0 space-y-3 border-r border-slate-200 bg-white p-3" style={{ width: LABEL_WIDTH, paddingTop: HEADER_HEIGHT + 12 }}>
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-4 w-28" />
          ))}
        </div>
        <div className="flex-1 overflow-hidden">
          <div className="flex gap-px" style={{ height: HEADER_HEIGHT }}>
            <Skeleton className="m-2 h-7 w-[440px]" />
            <Skeleton className="m-2 h-7 w-[440px]" />
          </div>
          <div className="flex gap-3 p-3">
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="w-52 space-y-3">
                <Skeleton className="h-5 w-40" />
                <Skeleton className="h-16 w-full" />
                <Skeleton className="h-16 w-full" />
                <Skeleton className="h-32 w-full" />
                <Skeleton className="h-16 w-full" />
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
