import { openApiDocument } from "@/features/api-docs/openapi";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document of the whole API; public, like any API's documentation. */
export async function GET(): Promise<Response> {
  return Response.json(openApiDocument());
}
