// The secrets check itself: it finds each kind of leak, and a full run that captured too little.
import { describe, expect, it } from "vitest";
import { secretProblems, type Capture } from "./check.js";

const TOKEN = "clara_pat_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf";
const clean: Capture = { logs: '{"msg":"request","tokenId":"abc"}\n', audit: '{"type":"audit"}\n', tokens: [TOKEN], links: ["L".repeat(40)], secrets: ["oauth-secret-value-1234"] };

describe("the secrets check", () => {
  it("passes a clean capture (volume not required outside a full run)", () => {
    expect(secretProblems(clean, false)).toEqual([]);
  });

  it("finds a token, its secret part, a token-shaped string, a link's credential and an OAuth secret", () => {
    const leak = (line: string) => secretProblems({ ...clean, logs: `${clean.logs}{"msg":${JSON.stringify(line)}}\n` }, false);
    expect(leak(TOKEN).join()).toMatch(/token .* found/);
    expect(leak(TOKEN.slice(10)).join()).toMatch(/secret part/);
    expect(leak("clara_pat_guessed123").join()).toMatch(/token-shaped/);
    expect(leak(`/exports/${"L".repeat(40)}`).join()).toMatch(/download link/);
    expect(leak("oauth-secret-value-1234").join()).toMatch(/OAuth secret/);
    expect(secretProblems({ ...clean, audit: "not json\n" }, false).join()).toMatch(/not JSON/);
  });

  it("in a full run, refuses a capture too small to mean anything", () => {
    expect(secretProblems(clean, true).length).toBeGreaterThan(3);
  });
});
