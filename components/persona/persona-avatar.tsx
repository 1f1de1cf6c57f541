// The persona's face: the uploaded image, else initials on the persona's colour.
import { personaInitials } from "@/lib/personas/persona-document";
import { readableTextColor } from "@/components/ui/readable-text-color";

type Props = { name: string; color: string; imageUrl?: string | null; size?: "sm" | "md" | "lg" };
const SIZES = { sm: "h-8 w-8 text-xs", md: "h-12 w-12 text-base", lg: "h-24 w-24 text-3xl" };

export function PersonaAvatar({ name, color, imageUrl, size = "md" }: Props) {
  if (imageUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- served by our own API with the session cookie
    return <img src={imageUrl} alt="" className={`${SIZES[size]} shrink-0 rounded-full object-cover`} data-testid="persona-avatar-image" />;
  }
  return (
    <span aria-hidden className={`${SIZES[size]} flex shrink-0 items-center justify-center rounded-full font-semibold text-white print:border print:border-slate-400`} style={{ backgroundColor: color, color: readableTextColor(color) }}>
      {personaInitials(name)}
    </span>
  );
}
