import Link from "next/link";

export default function Forbidden() {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-amber-300 bg-white p-6">
      <h1 className="text-lg font-semibold">You do not have access to this page</h1>
      <p className="text-sm text-slate-700">Your role does not allow it (403). If you need it for your work, ask an administrator to change your role.</p>
      <Link href="/incidents" className="text-sm font-semibold text-indigo-700 hover:underline">
        Back to incidents
      </Link>
    </div>
  );
}
