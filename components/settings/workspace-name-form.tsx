"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { renameWorkspaceAction } from "@/lib/actions/workspaces/rename-workspace";

export function WorkspaceNameForm({ workspace, name: initial }: { workspace: string; name: string }) {
  const t = useTranslations("settings");
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setSaved(false);
        startTransition(async () => {
          const result = await renameWorkspaceAction({ workspace, name });
          if (result.ok) {
            setSaved(true);
            router.refresh();
          } else {
            const code = result.error.fields?.name;
            setError(code && t.has(code as "name_too_long") ? t(code as "name_too_long") : result.error.message);
          }
        });
      }}
    >
      <Field
        className="min-w-60 flex-1"
        label={t("workspaceName")}
        name="name"
        value={name}
        maxLength={80}
        error={error ?? undefined}
        hint={saved ? t("saved") : t("workspaceNameHint", { slug: workspace })}
        onChange={(e) => { setName(e.target.value); setSaved(false); }}
      />
      <Button type="submit" variant="secondary" disabled={pending || name.trim() === initial} className="sm:mt-6">
        {pending ? t("saving") : t("rename")}
      </Button>
    </form>
  );
}
