"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "@/lib/actions/members/accept-invitation";

export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const t = useTranslations("members");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <Button
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await acceptInvitationAction({ token });
            if (result.ok) router.push(`/w/${result.data.slug}`);
            else {
              setError(result.error.message);
              router.refresh();
            }
          })
        }
      >
        {pending ? t("invitePageAccepting") : t("invitePageAccept", { workspace: workspaceName })}
      </Button>
      {error ? <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
