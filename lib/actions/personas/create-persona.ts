"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createPersona } from "@/lib/personas/create-persona";
import { AVATAR_COLORS, PERSONA_TEXT_LIMITS } from "@/lib/personas/persona-document";

export const createPersonaAction = workspaceAction(
  "edit",
  z.object({
    name: z.string().trim().min(1).max(PERSONA_TEXT_LIMITS.name),
    segment: z.string().trim().max(PERSONA_TEXT_LIMITS.segment).default(""),
    avatarColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  }),
  async (input, { db, userId, access }) => {
    const color = input.avatarColor ?? AVATAR_COLORS[Math.floor(Math.random() * AVATAR_COLORS.length)];
    const persona = await createPersona(db, { workspaceId: access.workspaceId, userId, content: { name: input.name, segment: input.segment, avatarColor: color } });
    return { id: persona.id };
  },
);
