// Setup file of the secrets run: every gateway log line, every audit line and every token the sandbox
// issues are also appended to files in SECRETS_CAPTURE_DIR, for the secrets test to search afterwards.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { DestinationStream } from "pino";
import { vi } from "vitest";
import { auditLine } from "../../../src/gateway/audit/line.js";

const dir = process.env.SECRETS_CAPTURE_DIR;
if (!dir) throw new Error("SECRETS_CAPTURE_DIR is not set");
const file = (name: string) => join(dir, `${name}-${process.pid}.txt`);

function tee(name: string, destination: DestinationStream | undefined): DestinationStream {
  return {
    write(chunk: string) {
      appendFileSync(file(name), chunk);
      return destination ? destination.write(chunk) : true;
    },
  } as DestinationStream;
}

vi.mock("../../../src/gateway/log.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/gateway/log.js")>();
  return {
    ...original,
    createLogger: (level: Parameters<typeof original.createLogger>[0], destination?: DestinationStream) =>
      original.createLogger(level, tee("logs", destination)),
  };
});

vi.mock("../../../src/gateway/audit/trail.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/gateway/audit/trail.js")>();
  return {
    ...original,
    openAudit: (destination: Parameters<typeof original.openAudit>[0]) => {
      const inner = original.openAudit(destination);
      return { ...inner, record: (record: Parameters<typeof inner.record>[0]) => {
        appendFileSync(file("audit"), auditLine(record));
        inner.record(record);
      } };
    },
  };
});

vi.mock("../../../src/sandbox/tokens/tokens.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/sandbox/tokens/tokens.js")>();
  return {
    ...original,
    createToken: (...args: Parameters<typeof original.createToken>) => {
      const made = original.createToken(...args);
      appendFileSync(file("tokens"), `${made.token}\n`);
      return made;
    },
  };
});
