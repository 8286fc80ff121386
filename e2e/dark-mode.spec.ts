import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { figure } from "./chart-table";
import { storageStateOf } from "./roles";

type Scheme = "light" | "dark";

async function open(browser: Browser, colorScheme: Scheme, path: string): Promise<Page> {
  const context = await browser.newContext({ colorScheme, storageState: storageStateOf("VIEWER") });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** A computed colour as sRGB bytes: the canvas converts whatever notation the browser reports (oklch, rgb). */
const rgbOf = (locator: Locator, property: "color" | "backgroundColor" | "fill") =>
  locator.evaluate((element, name) => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(element)[name];
    context.fillRect(0, 0, 1, 1);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, property);

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function dashboardColours(browser: Browser, scheme: Scheme) {
  const page = await open(browser, scheme, "/dashboard");
  const chart = figure(page, "Sev1 and Sev2 incidents per week");
  const tick = chart.locator(".recharts-cartesian-axis-tick-value").first();
  await expect(tick).toBeVisible();
  const colours = {
    background: await rgbOf(page.locator("body"), "backgroundColor"),
    text: await rgbOf(page.locator("body"), "color"),
    card: await rgbOf(chart, "backgroundColor"),
    axis: await rgbOf(tick, "fill"),
    bar: await rgbOf(chart.locator(".recharts-bar-rectangle path").first(), "fill"),
  };
  await page.context().close();
  return colours;
}

test("dark mode follows the system: page, text and chart colours turn, and stay readable", async ({ browser }) => {
  const light = await dashboardColours(browser, "light");
  const dark = await dashboardColours(browser, "dark");
  expect(dark.background).not.toEqual(light.background);
  expect(dark.axis).not.toEqual(light.axis);
  expect(dark.bar).not.toEqual(light.bar);
  expect(contrast(dark.text, dark.background)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(dark.axis, dark.card), "axis text on the chart card").toBeGreaterThanOrEqual(4.5);
  expect(contrast(dark.bar, dark.card), "a bar against its card").toBeGreaterThanOrEqual(3);
  expect(contrast(light.axis, light.card)).toBeGreaterThanOrEqual(4.5);
});

test("badges and filled buttons keep readable text in dark mode", async ({ browser }) => {
  const page = await open(browser, "dark", "/incidents");
  const table = page.locator("main table");
  for (const badge of ["Sev1", "Sev2", "Resolved"].map((text) => table.getByText(text, { exact: true }).first())) {
    await expect(badge).toBeVisible();
    expect(contrast(await rgbOf(badge, "color"), await rgbOf(badge, "backgroundColor")), await badge.innerText()).toBeGreaterThanOrEqual(4.5);
  }
  const button = page.getByRole("button", { name: "Apply filters" });
  await expect(button).toBeVisible();
  expect(contrast(await rgbOf(button, "color"), await rgbOf(button, "backgroundColor"))).toBeGreaterThanOrEqual(4.5);
  await page.context().close();
});

test("paper stays light when the screen is dark", async ({ browser }) => {
  const page = await open(browser, "dark", "/dashboard");
  const screen = await rgbOf(page.locator("body"), "backgroundColor");
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const paper = await rgbOf(page.locator("body"), "backgroundColor");
  expect(paper).not.toEqual(screen);
  expect(contrast(paper, [255, 255, 255])).toBeLessThan(1.1);
  await page.context().close();
});
