// Answers a 2025 client owes a waiting call, across replicas: the call waits on the replica holding its
// event stream, but the client's answer is a POST of its own that the load balancer may send anywhere.
// An answer no local call waits for is published; every replica hears it, and the one whose call waits
// for that id from that owner takes it (the others do not know the id). No stickiness needed.
import { memoryAnswers, type PendingAnswers } from "./answers.js";
import type { RedisLink } from "./redis.js";

const CHANNEL = "answers";

interface Published {
  id: string;
  owner: string;
  message: unknown;
}

export function redisAnswers(link: RedisLink, local: PendingAnswers = memoryAnswers()): PendingAnswers {
  link.subscribe(CHANNEL, (text) => {
    let published: Published;
    try {
      published = JSON.parse(text) as Published;
    } catch {
      return;
    }
    if (typeof published.id === "string" && typeof published.owner === "string") local.answer(published.id, published.owner, published.message);
  });
  return {
    open: (owner) => local.open(owner),
    wait: (id, timeoutMs, signal) => local.wait(id, timeoutMs, signal),
    /** True when a call here took it, or it went to the other replicas (which may or may not wait for it). */
    answer(id, owner, message) {
      if (local.answer(id, owner, message)) return true;
      if (!link.available) return false;
      // Lost with Redis: the call then ends "no answer came in time; nothing was changed", which is true.
      link.publish(CHANNEL, JSON.stringify({ id, owner, message } satisfies Published)).catch(() => {});
      return true;
    },
    close: () => local.close(),
  };
}
