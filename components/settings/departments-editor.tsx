"use client";
// Departments: rename (saves on Enter or when leaving the field), recolour (saves on pick),
// delete after a confirmation, add.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { createDepartmentAction } from "@/lib/actions/workspaces/create-department";
import { deleteDepartmentAction } from "@/lib/actions/workspaces/delete-department";
import { updateDepartmentAction } from "@/lib/actions/workspaces/update-department";

type Department = { id: string; name: string; color: string; memberCount: number };
type Result = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } };

const NEW_COLORS = ["#db2777", "#ea580c", "#0891b2", "#7c3aed", "#475569", "#16a34a", "#ca8a04", "#1d4ed8"];

export function DepartmentsEditor({ workspace, departments, editable }: { workspace: string; departments: Department[]; editable: boolean }) {
  const t = useTranslations("settings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState("");
  const [newColor, setNewColor] = useState(NEW_COLORS[departments.length % NEW_COLORS.length]);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const message = (result: Extract<Result, { ok: false }>) => {
    const code = result.error.fields?.name ?? result.error.fields?.color;
    return code && t.has(code as "department_name_taken") ? t(code as "department_name_taken") : result.error.message;
  };
  const save = (key: string, fn: () => Promise<Result>, after?: () => void) =>
    startTransition(async () => {
      const result = await fn();
      setErrors((e) => {
        const next = { ...e };
        if (result.ok) delete next[key];
        else next[key] = message(result);
        return next;
      });
      if (result.ok) after?.();
      router.refresh();
    });

  if (!editable) {
    return departments.length ? (
      <ul className="flex flex-wrap gap-2" data-testid="departments-read-only">
        {departments.map((d) => (
          <li key={d.id} className="inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1 text-sm">
            <span aria-hidden className="h-3 w-3 rounded-full" style={{ backgroundColor: d.color }} />
            {d.name}
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-sm text-slate-500">{t("noDepartments")}</p>
    );
  }

  return (
    <div className="space-y-4">
      {departments.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="departments-list">
          {departments.map((d) => (
            <li key={d.id} className="flex flex-wrap items-start gap-3 px-3 py-2">
              <input
                type="color"
                aria-label={t("colorOf", { name: d.name })}
                defaultValue={d.color}
                disabled={pending}
                onChange={(e) => {
                  const color = e.target.value;
                  save(d.id, () => updateDepartmentAction({ workspace, departmentId: d.id, color }));
                }}
                className="mt-1 h-8 w-10 cursor-pointer rounded border border-slate-300 bg-white p-0.5"
              />
              <div className="min-w-48 flex-1">
                <input
                  aria-label={t("nameOf", { name: d.name })}
                  defaultValue={d.name}
                  key={d.name}
                  maxLength={60}
                  aria-invalid={errors[d.id] ? true : undefined}
                  className={inputClass}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") e.currentTarget.blur();
                    if (e.key === "Escape") { e.currentTarget.value = d.name; e.currentTarget.blur(); }
                  }}
                  onBlur={(e) => {
                    const name = e.currentTarget.value.trim();
                    if (name === d.name) return;
                    save(d.id, () => updateDepartmentAction({ workspace, departmentId: d.id, name }));
                  }}
                />
                {errors[d.id] ? <p role="alert" className="mt-1 text-sm text-red-600">{errors[d.id]}</p> : null}
              </div>
              <span className="mt-2 text-xs text-slate-500">{t("memberCount", { count: d.memberCount })}</span>
              <Button variant="ghost" size="sm" className="mt-1 text-red-700! hover:bg-red-50" onClick={() => { setDeleteError(null); setDeleting(d); }}>
                {t("delete")}<span className="sr-only"> {d.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noDepartments")}</p>
      )}
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save("new", () => createDepartmentAction({ workspace, name: newName, color: newColor }), () => {
            setNewName("");
            setNewColor(NEW_COLORS[(departments.length + 1) % NEW_COLORS.length]);
          });
        }}
      >
        <input type="color" aria-label={t("newColor")} value={newColor} onChange={(e) => setNewColor(e.target.value)} className="mt-1 h-8 w-10 cursor-pointer rounded border border-slate-300 bg-white p-0.5" />
        <div className="min-w-48 flex-1">
          <input
            aria-label={t("newDepartment")}
            placeholder={t("newDepartmentPlaceholder")}
            value={newName}
            maxLength={60}
            onChange={(e) => setNewName(e.target.value)}
            aria-invalid={errors.new ? true : undefined}
            className={inputClass}
          />
          {errors.new ? <p role="alert" className="mt-1 text-sm text-red-600">{errors.new}</p> : null}
        </div>
        <Button type="submit" variant="secondary" disabled={pending || !newName.trim()}>{t("addDepartment")}</Button>
      </form>
      <ConfirmDialog
        open={deleting !== null}
        title={t("deleteDepartmentTitle", { name: deleting?.name ?? "" })}
        description={t("deleteDepartmentText", { count: deleting?.memberCount ?? 0 })}
        confirmLabel={t("delete")}
        pending={pending}
        error={deleteError}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          startTransition(async () => {
            if (!deleting) return;
            const result = await deleteDepartmentAction({ workspace, departmentId: deleting.id });
            if (!result.ok) return setDeleteError(result.error.message);
            setDeleting(null);
            router.refresh();
          })
        }
      />
    </div>
  );
}
