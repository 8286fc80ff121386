import { postmortemProgressLabel, type PostmortemState } from "@/lib/domain/postmortem-enums";

/** A postmortem's state as the list shows it; an incident without one, or with nothing written, reads "Not started". */
export const postmortemLabel = (state: PostmortemState | null) => postmortemProgressLabel(state);
