import { checkWebhookUrl } from "./delivery/address-guard";
import type { FieldErrors } from "@/lib/validation";

/**
 * A receiver's address refused by the address guard, as an error on `url`: not http(s), or (unless
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=1) a private, loopback or link-local address, given or resolved.
 */
export async function webhookUrlErrors(url: string, env: NodeJS.ProcessEnv = process.env): Promise<FieldErrors> {
  const refusal = await checkWebhookUrl(url, { allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "1" });
  return refusal === null ? {} : { url: [refusal] };
}
