"use client";

import { updateServiceAction } from "../actions/update-service";
import { RetireForm } from "@/features/teams/components/retire-form";

/** Retires the service (its history stays; it takes no new incident) or brings it back. */
export function RetireServiceButton(props: { slug: string; name: string; version: number; retired: boolean }) {
  const label = props.retired ? `Bring ${props.name} back into service` : `Retire ${props.name}`;
  return (
    <RetireForm action={updateServiceAction} target={{ field: "service", slug: props.slug }} version={props.version} retire={!props.retired} label={label} />
  );
}
