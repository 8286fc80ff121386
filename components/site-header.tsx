import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { SiteNav, type NavLink } from "./site-nav";

const NAV_LINKS: (NavLink & { permission?: Permission })[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/executive", label: "Executive" },
  { href: "/incidents", label: "Incidents" },
  { href: "/changes", label: "Changes" },
  { href: "/reviews", label: "Reviews" },
  { href: "/action-items", label: "Action items" },
  { href: "/action-items/mine", label: "My action items" },
  { href: "/services", label: "Services" },
  { href: "/admin/users", label: "Users", permission: "user:manage" },
  { href: "/admin/tokens", label: "API tokens", permission: "token:manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
];

/** The site's header: the links the signed-in role may follow, a menu on narrow screens. */
export function SiteHeader({ user }: { user: { email: string; role: Role } | null }) {
  const account = user && {
    email: user.email,
    role: user.role,
    canFileIncident: can(user.role, "incident:create"),
    links: NAV_LINKS.filter((link) => !link.permission || can(user.role, link.permission)).map(({ href, label }) => ({ href, label })),
  };
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <SiteNav account={account} />
    </header>
  );
}
