import { guardedLayout } from "@/lib/auth/guarded-layout";

export default guardedLayout("/incidents/import");
