// Whether a host name is this machine (demo mode with its public password is fine there only).

/** True for localhost, 127.0.0.0/8 and ::1 (with or without a port / brackets). */
export function isLoopbackHost(host: string | null | undefined): boolean {
  const h = (host ?? "").trim().toLowerCase().replace(/^\[([^\]]+)\](:\d+)?$/, "$1").replace(/:\d+$/, "");
  return h === "localhost" || h.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(h) || h === "::1";
}
