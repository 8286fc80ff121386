// Checks a Slack message against the Block Kit limits the renderer promises, for the tests.
import { LIMITS, type Block } from "./blocks";

export const BASE = "https://ops.example.test";

/** Our own links, `<https://ops.example.test/…|label>`; anything else in angle brackets came from typed text. */
const OWN_LINK = new RegExp(`<${BASE.replace(/[.]/g, "\\.")}/[^|<>\\s]*\\|[^<>]*>`, "g");

/** Every rule of Block Kit the messages rely on, as a list of what broke. */
export function limitBreaches(message: { text: string; blocks: Block[] }): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const mrkdwn = (text: string, max: number, where: string) => {
    check(text.length <= max, `${where}: ${text.length} > ${max}`);
    check(!/[<>]/.test(text.replace(OWN_LINK, "")), `${where}: an angle bracket not from one of the app's links`);
    check(!/@(here|channel|everyone)/i.test(text), `${where}: a broadcast`);
    check(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), `${where}: a split surrogate pair`);
  };
  check(message.text.length <= LIMITS.fallback, "fallback text too long");
  mrkdwn(message.text, LIMITS.fallback, "fallback");
  check(message.blocks.length <= LIMITS.blocks, `${message.blocks.length} blocks`);
  message.blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type})`;
    switch (block.type) {
      case "header":
        check(block.text.type === "plain_text" && block.text.text.length <= LIMITS.header && block.text.text.length > 0, `${where}: header text`);
        check(!/@(here|channel|everyone)/i.test(block.text.text), `${where}: a broadcast`);
        break;
      case "section":
        check(Boolean(block.text || block.fields), `${where}: empty`);
        if (block.text) mrkdwn(block.text.text, LIMITS.sectionText, where);
        check((block.fields?.length ?? 0) <= LIMITS.fields, `${where}: too many fields`);
        block.fields?.forEach((field) => mrkdwn(field.text, LIMITS.fieldText, `${where} field`));
        break;
      case "context":
        check(block.elements.length > 0 && block.elements.length <= LIMITS.contextElements, `${where}: elements`);
        block.elements.forEach((element) => mrkdwn(element.text, LIMITS.fieldText, where));
        break;
      case "actions":
        for (const element of block.elements) {
          check(element.text.text.length <= LIMITS.buttonText, `${where}: button text`);
          check((element.url.length <= LIMITS.url && element.url.startsWith(`${BASE}/`)) || element.url === BASE, `${where}: button url`);
        }
        break;
      case "divider":
        break;
    }
  });
  return broken;
}
