import type { Actor } from "@/lib/auth/actor";
import { authorizedAction } from "@/lib/actions/authorized-action";

/** What the edit and retire forms of a service or team send besides the fields: which one, at which version, and `retired` from the retire button alone. */
export type CatalogueEdit = { slug: string; version: number; retired?: boolean };

/**
 * The update action of a service or team, for those who may manage the catalogue: an empty post
 * is refused; otherwise `handler` gets the edit (the slug sent as `field`) and the form.
 */
export function catalogueUpdateAction<State extends { error?: string }>(
  field: "service" | "team",
  handler: (actor: Actor, edit: CatalogueEdit, form: FormData) => Promise<State>,
) {
  return authorizedAction("service:manage", async (actor, _previous: State | undefined, form: FormData): Promise<State> => {
    if (!(form instanceof FormData)) return { error: "Nothing was sent: open the form and save again." } as State;
    const retired = form.get("retired");
    const edit = {
      slug: String(form.get(field) ?? ""),
      version: Number(form.get("version")),
      retired: retired === "true" || retired === "false" ? retired === "true" : undefined,
    };
    return handler(actor, edit, form);
  });
}
