// Mentions inside a comment body (CONTRACT §8): `@` + a member's e-mail (`@vic@acme.example`) or
// `@[Department name]`. Parsed on the server from the text itself, so what is stored and notified
// is exactly what the reader sees. Pure (shared by the server and the editor's autocomplete).

/** `@[Customer Service]`: any characters but brackets and line breaks. */
const DEPARTMENT = /@\[([^\[\]\n]{1,100})\]/g;
/** `@name@host.tld`, starting the text or after whitespace or an opening bracket. */
const EMAIL = /(^|[\s(,;])@([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

export type ParsedMentions = { emails: string[]; departments: string[] };

/** The distinct e-mails (lower-case) and department names (trimmed) a body mentions, in order. */
export function parseMentions(body: string): ParsedMentions {
  const departments: string[] = [];
  for (const m of body.matchAll(DEPARTMENT)) {
    const name = m[1].trim();
    if (name && !departments.some((d) => d.toLowerCase() === name.toLowerCase())) departments.push(name);
  }
  // Department chips are removed first so that `@[a@b.example]` is not also read as an e-mail.
  const rest = body.replace(DEPARTMENT, " ");
  const emails: string[] = [];
  for (const m of rest.matchAll(EMAIL)) {
    // A trailing dot ends the sentence, not the address.
    const email = m[2].toLowerCase().replace(/\.+$/, "");
    if (!emails.includes(email)) emails.push(email);
  }
  return { emails, departments };
}

/** How a mention is written into the body. */
export function mentionToken(target: { kind: "member"; email: string } | { kind: "department"; name: string }): string {
  return target.kind === "member" ? `@${target.email}` : `@[${target.name}]`;
}

/** Splits a body into text and mention parts, for rendering chips. */
export function splitMentions(body: string): ({ kind: "text"; text: string } | { kind: "member"; email: string } | { kind: "department"; name: string })[] {
  const parts: ({ kind: "text"; text: string } | { kind: "member"; email: string } | { kind: "department"; name: string })[] = [];
  const re = new RegExp(`${DEPARTMENT.source}|${EMAIL.source}`, "g");
  let last = 0;
  for (const m of body.matchAll(re)) {
    const start = m.index ?? 0;
    if (m[1] !== undefined) {
      if (start > last) parts.push({ kind: "text", text: body.slice(last, start) });
      parts.push({ kind: "department", name: m[1].trim() });
      last = start + m[0].length;
    } else {
      const lead = m[2] ?? "";
      const at = start + lead.length;
      if (at > last) parts.push({ kind: "text", text: body.slice(last, at) });
      const email = m[3].replace(/\.+$/, "");
      parts.push({ kind: "member", email });
      last = at + 1 + email.length;
    }
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}
