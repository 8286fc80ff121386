import { InputField } from "@/components/ui/input-field";

/** The address to paste into PagerDuty's webhook subscription, and what to choose there. */
export function WebhookAddress({ url }: { url: string }) {
  return (
    <InputField
      name="webhookUrl"
      label="Webhook address"
      hint="In PagerDuty, add a generic V3 webhook subscription with this address and the incident events, then paste its signing secret below."
      value={url}
      readOnly
      mono
    />
  );
}
