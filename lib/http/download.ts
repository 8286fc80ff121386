/** A file the browser saves under `filename` rather than shows, never cached. */
export function downloadResponse(body: BodyInit, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
