// Setup file of every test file: every gateway log line, every audit line, every token the sandbox
// issues and every export download link the gateway makes are also appended to files in
// SECRETS_CAPTURE_DIR (made by global.ts), searched for secrets when the run ends.
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

// Every export download link the gateway hands out: its last part carries a credential (encrypted).
vi.mock("../../../src/gateway/exports/links.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/gateway/exports/links.js")>();
  return {
    ...original,
    createLinks: (...args: Parameters<typeof original.createLinks>) => {
      const links = original.createLinks(...args);
      return {
        ...links,
        offer: (...offered: Parameters<typeof links.offer>) => {
          const offer = links.offer(...offered);
          appendFileSync(file("links"), `${offer.download.split("/").pop()!.replace(/\.csv$/, "")}\n`);
          return offer;
        },
      };
    },
  };
});
