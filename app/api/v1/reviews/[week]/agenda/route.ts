import { toAgendaResponse } from "@/features/reviews/reads/agenda-response";
import { loadReviewView } from "@/features/reviews/reads/review";
import { isoWeekField } from "@/features/reviews/schemas";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { apiRoute, type ParamsContext } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * The agenda of the review of an ISO week, from the same builder as the review page: the
 * app's proposal until a LEAD edits it, the stored agenda after, frozen once the meeting started.
 */
export const GET = apiRoute<ParamsContext<{ week: string }>>("incident:read", async (_request, _actor, { params }) => {
  const { week } = await params;
  const parsed = isoWeekField.safeParse(week);
  if (!parsed.success) throw new ValidationError({ isoWeek: parsed.error.issues.map((i) => i.message) });
  return Response.json(toAgendaResponse(await loadReviewView(db, parsed.data)));
});
