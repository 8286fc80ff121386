import { formatAvailability, formatMinutes } from "@/lib/figure-text";
import { expect, test } from "./fixtures/api";
import { figure, tableOf } from "./chart-table";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("VIEWER"), apiRole: "VIEWER" });

const CHARTS = [
  "Availability per week against the SLO",
  "Customer impact minutes per week",
  "Sev1 and Sev2 incidents per week",
  "Services with the most impact minutes",
  "Time to detect and to mitigate",
  "Time to resolve",
  "AI share of incidents and policy violations",
  "Root-cause categories",
  "Blast radius distribution",
];

type ApiWeek = { week: string; start: string; sev1: number; sev2: number; impactMinutes: number; availability: number; policyViolations: number };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

const minutes = (n: number) => `${n.toLocaleString("en-US", { maximumFractionDigits: 1 })} min`;

test("the dashboard draws every chart from the demo data, each with its definition, table and CSV", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  for (const name of CHARTS) {
    const chart = figure(page, name);
    await expect(chart, name).toBeVisible();
    await expect(chart.locator("svg.recharts-surface").first(), name).toBeVisible();
    await expect(chart.locator(".recharts-bar-rectangle, .recharts-line-curve").first(), `${name} draws its points`).toBeAttached();
    await expect(chart.locator("figcaption"), name).not.toBeEmpty();
    await expect(chart.getByRole("button", { name: "Download CSV" })).toBeEnabled();
  }
  await expect(figure(page, "Availability per week against the SLO").locator("figcaption")).toContainText("1 − impact minutes ÷ minutes in the week");

  const severity = figure(page, "Sev1 and Sev2 incidents per week");
  const download = page.waitForEvent("download");
  await severity.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^incidents-by-severity_\d{4}-W\d{2}_\d{4}-W\d{2}\.csv$/);
  const csv = (await (await file.createReadStream()).toArray()).join("");
  const rows = await tableOf(severity);
  // The table marks the current week "so far"; the CSV, being data, keeps the bare week.
  expect(rows.at(-1)?.[0]).toMatch(/^\d{4}-W\d{2} so far$/);
  expect(csv.trim().split("\r\n")).toEqual(["Week,Starts,Sev1,Sev2", ...rows.map(([week, ...rest]) => [week!.replace(/ so far$/, ""), ...rest].join(","))]);
});

test("the table views show the same numbers as the weekly metrics API for the same filter", async ({ page, api }) => {
  // Weeks no other test writes to (they file incidents now, and 6 and 9 weeks back), so the
  // API and the page read the same data while the other worker runs.
  const from = isoDate(daysAgo(7 * 30));
  const to = isoDate(daysAgo(7 * 21));
  const filter = `from=${from}&to=${to}&team=storefront`;
  const response = await api.get(`/api/v1/metrics/weekly?${filter}`);
  expect(response.status()).toBe(200);
  const { weeks } = (await response.json()) as { weeks: ApiWeek[] };
  expect(weeks.length).toBeGreaterThanOrEqual(9);

  await page.goto(`/dashboard?${filter}`);
  await expect(page.getByText("team Storefront")).toBeVisible();
  expect(await tableOf(figure(page, "Sev1 and Sev2 incidents per week"))).toEqual(weeks.map((w) => [w.week, w.start, String(w.sev1), String(w.sev2)]));
  expect(await tableOf(figure(page, "Customer impact minutes per week"))).toEqual(weeks.map((w) => [w.week, w.start, minutes(w.impactMinutes)]));
  expect(await tableOf(figure(page, "Availability per week against the SLO"))).toEqual(weeks.map((w) => [w.week, w.start, formatAvailability(w.availability)]));
  const ai = await tableOf(figure(page, "AI share of incidents and policy violations"));
  expect(ai.map((cells) => cells[2])).toEqual(weeks.map((w) => String(w.policyViolations)));
});

test("a point's tooltip shows the numbers of its row in the table, durations as people read them", async ({ page }) => {
  await page.goto("/dashboard?range=4");
  const impact = figure(page, "Customer impact minutes per week");
  const plot = impact.locator(".recharts-surface").first();
  const box = await plot.boundingBox();
  if (!box) throw new Error("The impact chart has no size");
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
  const tooltip = impact.locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toContainText(/\d{4}-W\d{2}/);
  const text = (await tooltip.textContent()) ?? "";
  const week = /\d{4}-W\d{2}/.exec(text)![0];
  const value = /Impact minutes(.+)$/.exec(text)![1];
  const row = (await tableOf(impact)).find((cells) => cells[0]!.startsWith(week));
  // The table keeps minutes ("130 min"); the tooltip reads them past two hours ("2 h 10 min").
  expect(formatMinutes(Number(row![2]!.replace(/,|min/g, "")))).toBe(value);
});

test("range, team and service filters change the URL and the figures", async ({ page }) => {
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "4 weeks" }).click();
  await expect(page).toHaveURL(/[?&]range=4(&|$)/);
  const allServices = await tableOf(figure(page, "Customer impact minutes per week"));
  expect(allServices).toHaveLength(4);

  const filters = page.getByRole("form", { name: "Filters" });
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "52 weeks" }).click();
  await expect(page).toHaveURL(/[?&]range=52(&|$)/);
  const year = await tableOf(figure(page, "Sev1 and Sev2 incidents per week"));
  expect(year).toHaveLength(52);

  await filters.getByLabel("Team").selectOption("payments");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]team=payments(&|$)/);
  await expect(page).toHaveURL(/[?&]range=52(&|$)/);
  const payments = await tableOf(figure(page, "Sev1 and Sev2 incidents per week"));
  expect(payments).toHaveLength(52);
  expect(payments).not.toEqual(year);
  const count = (rows: string[][]) => rows.reduce((sum, cells) => sum + Number(cells[2]) + Number(cells[3]), 0);
  expect(count(payments)).toBeLessThan(count(year));

  await page.getByRole("form", { name: "Filters" }).getByLabel("Service").selectOption("payments-gateway");
  await page.getByRole("form", { name: "Filters" }).getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]service=payments-gateway(&|$)/);
  const gateway = await tableOf(figure(page, "Sev1 and Sev2 incidents per week"));
  expect(count(gateway)).toBeLessThanOrEqual(count(payments));
  await expect(figure(page, "Availability per week against the SLO").locator("figcaption")).toContainText("99.95 % (the SLO of Payments Gateway)");
});

test("the services list links each service to its own page of charts, budget and incidents; an unknown slug is 404", async ({ page }) => {
  await page.goto("/services?range=13");
  const row = page.getByRole("row", { name: /Checkout API/ });
  await expect(row).toContainText("Storefront");
  await expect(row).toContainText("99.95 %");
  await expect(row.getByRole("meter", { name: "Error budget left" })).toBeAttached();
  await row.getByRole("link", { name: "Checkout API" }).click();
  await expect(page).toHaveURL(/\/services\/checkout-api$/);
  await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  // 13 weeks ending with the current one, which counts only its minutes so far (demo zone UTC):
  // budget = (1 − 0.9995) × (12 × 10 080 + minutes since Monday 00:00 UTC).
  const monday = new Date();
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const budget = 0.0005 * (12 * 10_080 + (Date.now() - monday.getTime()) / 60_000);
  const shown = (await page.getByRole("region", { name: "Error budget" }).textContent())?.match(/Budget\s*([\d.,]+) min/)?.[1];
  expect(Math.abs(Number(shown?.replace(",", "")) - budget)).toBeLessThan(0.15);
  await expect(figure(page, "Availability per week against the SLO")).toContainText("SLO 99.95 %");
  const incident = page
    .getByRole("region", { name: "Recent incidents" })
    .getByRole("link", { name: /^INC-\d{4}-\d{4,}$/ })
    .first();
  const reference = await incident.textContent();
  await page.getByRole("link", { name: "All incidents of Checkout API →" }).click();
  await expect(page).toHaveURL(/\/incidents\?service=checkout-api$/);
  await page.goBack();
  await incident.click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${reference}$`));

  const missing = await page.goto("/services/no-such-service");
  expect(missing?.status()).toBe(404);
});
