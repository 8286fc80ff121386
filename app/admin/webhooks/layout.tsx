import { guardedLayout } from "@/lib/auth/guarded-layout";

export default guardedLayout("/admin/webhooks");
