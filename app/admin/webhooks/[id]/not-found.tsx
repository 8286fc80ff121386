import { NotFoundNotice } from "@/components/ui/not-found-notice";

export default function WebhookNotFound() {
  return (
    <NotFoundNotice title="No such webhook" links={[{ href: "/admin/webhooks", label: "All webhooks" }]}>
      There is no webhook at this address: it may have been deleted.
    </NotFoundNotice>
  );
}
