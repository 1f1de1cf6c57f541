import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { DemoBanner } from "@/components/security/demo-banner";
import { SessionKeepAlive } from "@/components/security/session-keep-alive";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Journeyboard", template: "%s · Journeyboard" },
  description: "Collaborative customer journey mapping",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <DemoBanner />
          <SessionKeepAlive />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
