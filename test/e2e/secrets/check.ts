// What the secrets check proves over everything captured during a test run: no personal token, no
// OAuth access token, refresh token, authorization code, PKCE verifier, client secret or exchanged API
// token, and no export download link's credential part appears in any gateway log or audit line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fingerprint } from "../../../src/gateway/auth/token.js";

export interface Capture {
  logs: string;
  audit: string;
  tokens: string[];
  links: string[];
  secrets: string[];
}

export function readCapture(dir: string): Capture {
  const read = (kind: string) =>
    readdirSync(dir)
      .filter((name) => name.startsWith(`${kind}-`))
      .map((name) => readFileSync(join(dir, name), "utf8"))
      .join("");
  const list = (kind: string) => [...new Set(read(kind).split("\n").filter(Boolean))];
  return { logs: read("logs"), audit: read("audit"), tokens: list("tokens"), links: list("links"), secrets: list("secrets") };
}

/**
 * Every problem found, in words that never repeat a secret. `full`: the whole suite ran, so the capture
 * must also show it saw enough (tokens, requests, tool calls, links, OAuth secrets) to mean something.
 */
export function secretProblems(capture: Capture, full: boolean): string[] {
  const problems: string[] = [];
  const logLines = capture.logs.split("\n").filter(Boolean);
  const auditLines = capture.audit.split("\n").filter(Boolean);
  const all = `${capture.logs}\n${capture.audit}`;
  if (full) {
    if (capture.tokens.length <= 20) problems.push(`only ${capture.tokens.length} issued tokens were captured`);
    if (logLines.length <= 500) problems.push(`only ${logLines.length} log lines were captured`);
    if (auditLines.length <= 100) problems.push(`only ${auditLines.length} audit lines were captured`);
    if (capture.links.length <= 10) problems.push(`only ${capture.links.length} download links were captured`);
    if (capture.secrets.length <= 40) problems.push(`only ${capture.secrets.length} OAuth secrets were captured`);
    if (!/"path":"\/exports\/[0-9a-f]{12}"/.test(all)) problems.push("no download was logged by its short id");
    if (!auditLines.some((line) => /"client":".+","clientName":".+","grant":".+"/.test(line))) problems.push("no audit line names an OAuth app and grant");
    // Callers are named by fingerprint instead (tokens made by sandbox-only tests never reach a gateway).
    const named = capture.tokens.filter((token) => all.includes(fingerprint(token).tokenId));
    if (named.length < 50) problems.push(`only ${named.length} of ${capture.tokens.length} tokens are named by their fingerprint`);
  }
  for (const line of [...logLines, ...auditLines]) {
    try {
      JSON.parse(line);
    } catch {
      problems.push(`a log or audit line is not JSON: ${line.slice(0, 80)}`);
    }
  }
  for (const token of capture.tokens) {
    if (all.includes(token)) problems.push(`token ${fingerprint(token).tokenId} found in a log or audit line`);
    // Not even the secret part without its prefix.
    else if (all.includes(token.slice(10))) problems.push(`token ${fingerprint(token).tokenId} (its secret part) found in a log or audit line`);
  }
  // Nor any made-up token the suites sent (unknown, malformed, guessed): nothing token-shaped at all.
  const shaped = all.match(/clara_pat_[A-Za-z0-9]{6,}/g) ?? [];
  if (shaped.length > 0) problems.push(`${shaped.length} token-shaped strings found in log or audit lines`);
  for (const link of capture.links) {
    if (all.includes(link.slice(0, 32))) problems.push("a download link's credential part found in a log or audit line");
  }
  for (const secret of capture.secrets) {
    if (all.includes(secret)) problems.push(`an OAuth secret (${fingerprint(secret).tokenId}) found in a log or audit line`);
  }
  return problems;
}
