import { LanguageSwitch } from "@/components/ui/language-switch";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <div className="absolute right-4 top-4">
        <LanguageSwitch />
      </div>
      <div className="mb-6 flex items-center gap-2 text-lg font-semibold text-slate-900">
        <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-brand-500 to-pink-500" />
        Journeyboard
      </div>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
