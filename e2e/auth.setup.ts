import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORDS, ROLE_NAMES, demoEmail, storageStateOf } from "./roles";

// Signs in once per demo role through the real sign-in page and keeps the session for the tests.
for (const role of ROLE_NAMES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(demoEmail(role));
    await page.getByLabel("Password").fill(DEMO_PASSWORDS[role]);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByLabel("Signed in as")).toContainText(role);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
