// The prose of the demo incidents and postmortems: templates filled with an incident's
// service, capability, change and tool, so that each reads like a real write-up.

/** `aiAction` is filled first (it names the tool), then the rest. */
export type StoryContext = { service: string; capability: string; change: string; tool: string; regions: string; aiAction: string };

export function fill(template: string, context: StoryContext): string {
  return template
    .replace("{aiAction}", context.aiAction)
    .replace(/\{(service|capability|change|tool|regions)\}/g, (_, key: Exclude<keyof StoryContext, "aiAction">) => context[key]);
}
