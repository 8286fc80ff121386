import { expect, type Locator, type Page } from "@playwright/test";

/** A chart card, named by its title. */
export const figure = (page: Page, name: string) => page.getByRole("figure", { name });

/** The body rows of a chart's table view, as the text of each cell. */
export async function tableOf(chart: Locator): Promise<string[][]> {
  await chart.getByRole("tab", { name: "Table" }).click();
  const table = chart.getByRole("table");
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")));
}
