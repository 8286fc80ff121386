import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** The way to the teams, and for those who manage services, to a new one. */
export function ServiceCatalogueLinks({ manage }: { manage: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href="/teams" className="text-sm font-semibold text-indigo-700 hover:underline">
        Teams
      </Link>
      {manage && (
        <Link href="/services/new" className={buttonClass("primary", "lg")}>
          New service
        </Link>
      )}
    </div>
  );
}
