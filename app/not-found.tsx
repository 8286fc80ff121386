import { NotFoundNotice } from "@/components/ui/not-found-notice";

export default function NotFound() {
  return (
    <NotFoundNotice
      title="Page not found"
      links={[
        { href: "/dashboard", label: "Dashboard" },
        { href: "/incidents", label: "Incidents" },
      ]}
    >
      There is no page at this address. Check the link, or start from the dashboard.
    </NotFoundNotice>
  );
}
