"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { joinWorkspaceAction } from "@/lib/actions/members/join-workspace";

export function JoinWorkspaceButton({ slug, name }: { slug: string; name: string }) {
  const t = useTranslations("workspace");
  const tm = useTranslations("members");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="text-right">
      <Button
        size="sm"
        disabled={pending}
        aria-label={`${t("join")} ${name}`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await joinWorkspaceAction({ slug });
            if (result.ok) router.push(`/w/${result.data.slug}`);
            else setError(result.error.message);
          })
        }
      >
        {pending ? tm("joining") : t("join")}
      </Button>
      {error ? <p role="alert" className="mt-1 text-xs text-red-600">{error}</p> : null}
    </div>
  );
}
