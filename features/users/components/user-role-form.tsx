"use client";

import { useActionState } from "react";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";
import { changeUserRoleAction } from "../actions/change-user-role";

const initialState: FormState = {};

/** The role of one user, changed in place; the version refuses an edit based on a stale page. */
export function UserRoleForm(props: { userId: string; email: string; role: Role; version: number }) {
  const [state, formAction, pending] = useActionState(changeUserRoleAction, initialState);
  const selectId = `role-${props.userId}`;
  const messageId = `${selectId}-message`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="version" value={props.version} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {props.email}
        </label>
        {/* React resets the form after the action; remounting on a new role makes that reset show it. */}
        <select
          key={props.role}
          id={selectId}
          name="role"
          defaultValue={props.role}
          aria-describedby={state.ok || state.error ? messageId : undefined}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={pending} variant="secondary" size="sm">
          {pending ? "Saving…" : "Save role"}
        </Button>
      </div>
      <FormMessage id={messageId} state={state} size="xs" />
    </form>
  );
}
