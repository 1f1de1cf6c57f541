// Demo mode reached on a non-loopback address: the demo accounts' password is published, so say so.
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { isDemoEnabled } from "@/env";
import { isLoopbackHost } from "@/lib/server/loopback";

export async function DemoBanner() {
  if (!isDemoEnabled()) return null;
  const h = await headers();
  if (isLoopbackHost(h.get("x-forwarded-host") ?? h.get("host"))) return null;
  const t = await getTranslations("security");
  return (
    <div role="alert" data-testid="demo-banner" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900">
      {t("demoBanner")}
    </div>
  );
}
