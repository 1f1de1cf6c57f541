import { EditorSkeleton } from "@/components/map/editor-skeleton";

export default function Loading() {
  return <EditorSkeleton />;
}
