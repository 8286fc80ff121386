import { reviewToMarkdown } from "@/features/reviews/markdown";
import { loadMeetingActionItems, loadReviewView } from "@/features/reviews/reads/review";
import { isoWeekField } from "@/features/reviews/schemas";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { problem, problemFromError } from "@/lib/http/problem";
import { searchParamsOf } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** The review of a week as a Markdown file: agenda, facts, notes, decisions and action items. */
export async function GET(request: Request, { params }: { params: Promise<{ week: string }> }): Promise<Response> {
  try {
    const actor = (await currentUiActor()) ?? (await authenticateBearer(db, request.headers.get("authorization")));
    if (!actor) return problem(401, "Unauthorized", "Sign in first, or send Authorization: Bearer <token>.");
    if (!can(actor.role, "incident:read")) return problem(403, "Forbidden", `The role ${actor.role} may not read reviews.`);
    searchParamsOf(request); // it reads none, but a malformed one is refused as everywhere else
    const parsed = isoWeekField.safeParse((await params).week);
    if (!parsed.success) throw new ValidationError({ isoWeek: parsed.error.issues.map((i) => i.message) });
    const view = await loadReviewView(db, parsed.data);
    const actionItems = view.review ? await loadMeetingActionItems(db, view.review.id) : [];
    return new Response(reviewToMarkdown(view, actionItems), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="ops-review-${view.week}.md"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return problemFromError(error, "GET /reviews/[week]/agenda.md");
  }
}
