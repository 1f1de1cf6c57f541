// Any other /api/v1/… path — a JSON 404 in the API's error shape (CONTRACT §5) instead of the HTML
// not-found page, for every method, so API clients never have to parse HTML.
import { apiError } from "@/lib/api/route";

const notFound = () => apiError(404, "not_found", "No such API endpoint. See /api/v1/openapi.json.");

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
