// A posted form's fields: application/x-www-form-urlencoded only, and small.
import type Koa from "koa";

export const MAX_FORM_BYTES = 8 * 1024;

export class FormTooLarge extends Error {}

/** The fields of an urlencoded body; empty for any other content type (its CSRF check then fails). */
export function readForm(ctx: Koa.Context): Promise<URLSearchParams> {
  const urlencoded = Boolean(ctx.is("application/x-www-form-urlencoded"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    ctx.req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // The rest is read and dropped, so the refusal still reaches the browser.
      if (size <= MAX_FORM_BYTES) chunks.push(chunk);
    });
    ctx.req.on("end", () => {
      if (size > MAX_FORM_BYTES) reject(new FormTooLarge());
      else resolve(new URLSearchParams(urlencoded ? Buffer.concat(chunks).toString("utf8") : ""));
    });
    ctx.req.on("error", reject);
  });
}
