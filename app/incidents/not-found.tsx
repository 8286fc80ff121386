import { MissingRecord } from "@/components/ui/missing-record";

export default function NotFound() {
  return <MissingRecord kind="incident" />;
}
