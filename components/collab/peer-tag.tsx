"use client";
// Who else is in a cell: a coloured outline and a name tag (a dot always, the names on hover).
import { useTranslations } from "next-intl";
import { readableTextColor } from "@/components/ui/readable-text-color";

type PeerList = { user: { name: string; color: string } }[];

export function peerOutline(peers: PeerList): React.CSSProperties | undefined {
  if (!peers.length) return undefined;
  return { boxShadow: `inset 0 0 0 2px ${peers[0].user.color}` };
}

/** The coloured name tag of the people in a cell: a dot always, the names on hover. */
export function PeerTag({ peers }: { peers: PeerList }) {
  const t = useTranslations("editor");
  if (!peers.length) return null;
  const names = peers.map((p) => p.user.name).join(", ");
  return (
    <span
      className="group/peer absolute -top-1 right-0 z-10 flex items-center"
      data-testid="peer-tag"
      title={t("peerHere", { names })}
    >
      <span className="sr-only">{t("peerHere", { names })}</span>
      <span aria-hidden className="h-2.5 w-2.5 rounded-full ring-2 ring-white" style={{ background: peers[0].user.color }} />
      <span aria-hidden className="pointer-events-none absolute right-0 top-3 hidden whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium text-white shadow group-hover:block group-hover/peer:block" style={{ background: peers[0].user.color, color: readableTextColor(peers[0].user.color) }}>
        {names}
      </span>
    </span>
  );
}
