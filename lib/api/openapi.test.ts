// The OpenAPI document lists every route file under app/api/v1 with each method it exports, and
// its schemas are valid JSON (generated from the handlers' zod schemas).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildOpenApiDocument } from "./openapi";

vi.mock("server-only", () => ({}));

const root = path.resolve(import.meta.dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

  it("is OpenAPI 3.1 and lists every route file under app/api/v1 with its methods", () => {
    expect(doc.openapi).toBe("3.1.0");
    const files = routeFiles(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const rel = path.relative(root, path.dirname(file)).split(path.sep).join("/");
      if (rel.startsWith("[...")) continue; // the JSON 404 catch-all is not an endpoint
      const apiPath = `/api/v1/${rel}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");
      const methods = [...fs.readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
      expect(doc.paths[apiPath], `${apiPath} (${path.relative(process.cwd(), file)}) missing from the OpenAPI document`).toBeDefined();
      for (const m of methods) expect(doc.paths[apiPath][m], `${m.toUpperCase()} ${apiPath}`).toBeDefined();
      expect(Object.keys(doc.paths[apiPath]).sort()).toEqual([...methods].sort());
    }
  });

  it("describes the import's 422 rows and the export's formats from the handlers' schemas", () => {
    const json = JSON.parse(JSON.stringify(doc));
    const exportOp = json.paths["/api/v1/maps/{id}/export"].get;
    const format = exportOp.parameters.find((p: { name: string }) => p.name === "format");
    expect(format.required).toBe(true);
    expect(format.schema.enum).toEqual(["json", "csv", "xlsx", "pdf", "png"]);
    expect(json.components.schemas.Error.properties.error.properties.rows).toBeDefined();
    const put = json.paths["/api/v1/maps/{id}"].put.requestBody.content["application/json"].schema;
    expect(put.required).toEqual(expect.arrayContaining(["format", "title", "stages", "touchpoints"]));
    expect(json.paths["/api/v1/workspaces/{slug}/dashboard"].get.parameters.map((p: { name: string }) => p.name)).toContain("persona");
  });
});

describe("unknown /api/v1 paths", () => {
  it("answer a JSON 404 in the API's error shape for every method", async () => {
    const route = await import("@/app/api/v1/[...path]/route");
    for (const handler of [route.GET, route.POST, route.PUT, route.PATCH, route.DELETE]) {
      const res = handler();
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect((await res.json()).error.code).toBe("not_found");
    }
  });
});
