"use client";

import { secondaryButton } from "./form-feedback";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${secondaryButton} print:hidden`}>
      Print
    </button>
  );
}
