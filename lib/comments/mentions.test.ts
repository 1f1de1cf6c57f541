import { describe, expect, it } from "vitest";
import { parseMentions, splitMentions } from "./mentions";

describe("parseMentions", () => {
  it("finds members by e-mail and departments in brackets", () => {
    expect(parseMentions("Hi @vic@acme.example, ask @[Customer Service] and @[ customer service ]. Thanks @Ben@Acme.Example.")).toEqual({
      emails: ["vic@acme.example", "ben@acme.example"],
      departments: ["Customer Service"],
    });
  });
  it("ignores plain e-mail addresses and a lone @", () => {
    expect(parseMentions("write to vic@acme.example or @ me, or @[]")).toEqual({ emails: [], departments: [] });
  });
  it("does not read a department's name as an e-mail", () => {
    expect(parseMentions("@[a@b.example]")).toEqual({ emails: [], departments: ["a@b.example"] });
  });
  it("splits a body into text and chips", () => {
    expect(splitMentions("ask @[Sales] or @cem@acme.example.")).toEqual([
      { kind: "text", text: "ask " },
      { kind: "department", name: "Sales" },
      { kind: "text", text: " or " },
      { kind: "member", email: "cem@acme.example" },
      { kind: "text", text: "." },
    ]);
  });
});
