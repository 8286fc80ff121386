"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/sign-in" })}
      className="whitespace-nowrap text-sm font-medium text-slate-600 hover:text-indigo-700"
    >
      Sign out
    </button>
  );
}
