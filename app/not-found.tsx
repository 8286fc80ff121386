import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="text-sm text-slate-700">There is no such page or incident. References look like INC-2026-0042.</p>
      <Link href="/incidents" className="text-sm font-semibold text-indigo-700 hover:underline">Back to incidents</Link>
    </div>
  );
}
