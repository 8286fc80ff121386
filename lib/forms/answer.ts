import "server-only";
import type { FormState } from "./state";

type Answer<Extra extends object> = {
  /** What the person reads when the change went through. */
  ok: string;
  /** Runs after a successful change: the pages to refresh. */
  revalidate: () => void;
  /** The refusal or failure in the form's words (see formFailure). */
  failure: (error: unknown) => FormState<Extra>;
};

/**
 * Runs one change for a form: on success the pages are refreshed and the form hears `ok` and
 * the new version; on a refusal or failure it hears why, with what was posted kept.
 */
export async function answerChange<Extra extends object = object>(
  change: () => Promise<{ version: number }>,
  answer: Answer<Extra>,
): Promise<FormState<Extra & { version: number }>> {
  try {
    const result = await change();
    answer.revalidate();
    return { ok: answer.ok, version: result.version } as FormState<Extra & { version: number }>;
  } catch (error) {
    return answer.failure(error) as FormState<Extra & { version: number }>;
  }
}
