import { Markdown } from "@/components/markdown";
import { LocalTime } from "@/components/ui/local-time";
import { KIND_LABELS, POSTMORTEM_PROGRESS_LABELS, POSTMORTEM_SECTIONS, SECTION_LABELS, type PostmortemProgress } from "@/lib/domain/postmortem-enums";
import type { PersonSummary, PostmortemView } from "../reads";

const stateStyle: Record<PostmortemProgress, string> = {
  NOT_STARTED: "bg-white text-slate-600 ring-slate-300",
  DRAFT: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_REVIEW: "bg-sky-50 text-sky-800 ring-sky-200",
  PUBLISHED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
};

/** Where the postmortem stands: "Not started" until something is written (postmortemProgressOf). */
export function PostmortemStateBadge({ state }: { state: PostmortemProgress }) {
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${stateStyle[state]}`}>
      {POSTMORTEM_PROGRESS_LABELS[state]}
    </span>
  );
}

const personName = (person: PersonSummary | null) => (person ? (person.name ?? person.email) : "someone");

/** Who moved the postmortem along, and when. */
export function PostmortemHistory({ postmortem }: { postmortem: PostmortemView }) {
  if (!postmortem.submittedAt && !postmortem.publishedAt) return null;
  return (
    <ul className="space-y-0.5 text-sm text-slate-600">
      {postmortem.submittedAt && (
        <li>
          Submitted for review by {personName(postmortem.submittedBy)}, <LocalTime iso={postmortem.submittedAt} />
        </li>
      )}
      {postmortem.publishedAt && (
        <li>
          Published by {personName(postmortem.publishedBy)}, <LocalTime iso={postmortem.publishedAt} />
        </li>
      )}
    </ul>
  );
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
      {children}
    </section>
  );
}

/** The sections as readers see them. */
export function PostmortemSectionsView({ postmortem }: { postmortem: PostmortemView }) {
  return (
    <>
      {POSTMORTEM_SECTIONS.map((section) => (
        <Block key={section} title={SECTION_LABELS[section]}>
          <Markdown text={postmortem.sections[section]} />
        </Block>
      ))}
    </>
  );
}

export function TimelineView({ timeline }: { timeline: PostmortemView["timeline"] }) {
  if (timeline.length === 0) return <p className="text-sm text-slate-400">No timeline yet.</p>;
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4">
      {timeline.map((event) => (
        <li key={event.id}>
          <p className="text-xs text-slate-500">
            <LocalTime iso={event.occurredAt} /> · <span className="font-semibold">{KIND_LABELS[event.kind]}</span>
          </p>
          <Markdown text={event.text} />
        </li>
      ))}
    </ol>
  );
}

export function FiveWhysView({ whys }: { whys: PostmortemView["fiveWhys"] }) {
  if (whys.length === 0) return <p className="text-sm text-slate-400">No five whys yet.</p>;
  return (
    <ol className="list-decimal space-y-2 pl-6">
      {whys.map((why) => (
        <li key={why.id}>
          <Markdown text={why.text} />
        </li>
      ))}
    </ol>
  );
}

/** The whole postmortem, read-only: sections, timeline, five whys. */
export function PostmortemBody({ postmortem }: { postmortem: PostmortemView }) {
  return (
    <div className="space-y-6">
      <PostmortemSectionsView postmortem={postmortem} />
      <Block title="Timeline">
        <TimelineView timeline={postmortem.timeline} />
      </Block>
      <Block title="Five whys">
        <FiveWhysView whys={postmortem.fiveWhys} />
      </Block>
      {postmortem.noActionNeededReason && (
        <Block title="No action needed because">
          <Markdown text={postmortem.noActionNeededReason} />
        </Block>
      )}
    </div>
  );
}
