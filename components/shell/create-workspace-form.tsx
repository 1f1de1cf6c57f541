"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createWorkspaceAction } from "@/lib/actions/workspaces/create-workspace";

function suggestSlug(name: string) {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
}

export function CreateWorkspaceForm() {
  const t = useTranslations("workspace");
  const te = useTranslations("errors");
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const message = (code?: string) => (code ? (t.has(code as "name") ? t(code as "name") : te("invalid_input")) : undefined);

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await createWorkspaceAction({ name, slug });
          if (result.ok) router.push(`/w/${result.data.slug}`);
          else setErrors(result.error.fields ?? { _: result.error.message });
        });
      }}
    >
      <Field
        label={t("name")}
        name="name"
        value={name}
        maxLength={120}
        required
        autoFocus
        error={message(errors.name)}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugTouched) setSlug(suggestSlug(e.target.value));
        }}
      />
      <Field
        label={t("slug")}
        name="slug"
        value={slug}
        required
        error={message(errors.slug)}
        hint={t("slugHint", { slug: slug || "…" })}
        onChange={(e) => {
          setSlugTouched(true);
          setSlug(e.target.value);
        }}
      />
      {errors._ ? <p role="alert" className="text-sm text-red-600">{errors._}</p> : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
