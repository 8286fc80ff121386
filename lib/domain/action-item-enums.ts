// The action item's values from the specification, with the words people read in the app.

export const ACTION_ITEM_PRIORITIES = ["P1", "P2", "P3"] as const;
export const ACTION_ITEM_TYPES = ["PREVENT", "DETECT", "MITIGATE", "PROCESS"] as const;
export const ACTION_ITEM_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** Statuses of work still to do: the ones that can be overdue. */
export const UNFINISHED_STATUSES = ["OPEN", "IN_PROGRESS"] as const satisfies readonly ActionItemStatus[];

export const ACTION_ITEM_LABELS: Record<string, string> = {
  P1: "P1",
  P2: "P2",
  P3: "P3",
  PREVENT: "Prevent",
  DETECT: "Detect",
  MITIGATE: "Mitigate",
  PROCESS: "Process",
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  WONT_DO: "Won't do",
};

export const actionItemLabel = (value: string) => ACTION_ITEM_LABELS[value] ?? value;
