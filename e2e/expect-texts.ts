import { expect, type Locator } from "@playwright/test";

/** Expects `locator` to contain each of `texts`, one assertion apiece, in order. */
export async function expectToContainEach(locator: Locator, texts: readonly string[]): Promise<void> {
  for (const text of texts) await expect(locator).toContainText(text);
}
