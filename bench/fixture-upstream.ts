// A fast stand-in for Clara: fixed answers, serialised once, so a benchmark measures the gateway and not SQLite.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The token the fixture knows; any other gets 401 like a revoked one. */
export const FIXTURE_TOKEN = "clara_pat_Bench0Fixture0Token0Admin0000000001";
export const FIXTURE_CARD_ID = "card_7Hq2LmX9";

const company = {
  id: "cmp_acme",
  legalName: "Acme Logística S.A. de C.V.",
  country: "MX",
  currency: "MXN",
  timeZone: "America/Mexico_City",
  taxId: "ALO150301AB3",
  billingCycle: { statementDay: 5 },
};

const me = { id: "usr_8f2a1c", name: "Ana Torres", email: "admin@acme.example", role: "ADMINISTRATOR", company };

const names = [
  "Luis Pérez", "Luisa Pérez Gómez", "María Fernández", "Jorge Ramírez", "Sofía Hernández",
  "Carlos Gutiérrez", "Valeria Castillo", "Diego Morales", "Fernanda Ortiz", "Andrés Vargas",
  "Camila Rojas", "Ricardo Mendoza", "Daniela Cruz", "Miguel Ángel Ruiz", "Paola Jiménez",
  "Alejandro Flores", "Natalia Reyes", "Eduardo Sánchez", "Gabriela Torres", "Héctor Navarro",
  "Isabel Domínguez", "Javier Herrera", "Lucía Medina", "Óscar Aguilar", "Renata Salazar",
];
const statuses = ["ACTIVE", "ACTIVE", "ACTIVE", "LOCKED", "CANCELLED"] as const;

function money(cents: number): { value: string; currency: string } {
  return { value: (cents / 100).toFixed(2), currency: "MXN" };
}

function card(index: number, id: string) {
  const name = names[index % names.length] ?? "Ana Torres";
  return {
    id,
    cardholder: { id: `chd_Lp${String(index).padStart(2, "0")}`, name, email: `holder${index}@acme.example` },
    last4: String(4821 + index * 37).slice(-4).padStart(4, "0"),
    brand: index % 2 === 0 ? "MASTERCARD" : "VISA",
    type: index % 3 === 0 ? "VIRTUAL" : "PHYSICAL",
    status: index === 0 ? "ACTIVE" : statuses[index % statuses.length],
    spendingLimit: { amount: money(2_000_000 + index * 50_000), period: "MONTHLY" },
    spentThisPeriod: money(731_240 + index * 1_234),
    createdAt: `2025-03-${String(1 + (index % 28)).padStart(2, "0")}T16:20:00Z`,
  };
}

const cards = names.map((_, index) => card(index, index === 0 ? FIXTURE_CARD_ID : `card_Bx${String(index).padStart(4, "0")}`));
const categories = ["TRAVEL", "FOOD", "SOFTWARE_AND_HARDWARE", "FUEL", "LODGING"] as const;
const merchants = ["Aeroméxico", "Sanborns", "Amazon Web Services", "Pemex", "Hotel Presidente"];

const transactions = Array.from({ length: 25 }, (_, index) => {
  const used = cards[index % cards.length]!;
  return {
    id: `txn_0b9Xk${String(index).padStart(3, "0")}`,
    card: { id: used.id, last4: used.last4 },
    cardholder: { id: used.cardholder.id, name: used.cardholder.name },
    merchant: { name: merchants[index % merchants.length], category: categories[index % categories.length], mcc: "4511", country: "MX" },
    amount: money(845_000 - index * 9_137),
    originalAmount: index % 7 === 0 ? { value: "420.00", currency: "USD" } : null,
    status: index < 3 ? "PENDING" : "POSTED",
    authorizedAt: `2026-11-${String(18 - (index % 15)).padStart(2, "0")}T15:42:09Z`,
    postedAt: index < 3 ? null : `2026-11-${String(19 - (index % 15)).padStart(2, "0")}T06:00:00Z`,
  };
});

function page(data: unknown[]) {
  return { data, page: 1, size: 100, totalItems: data.length, totalPages: 1 };
}

const summary = {
  from: "2026-11-06",
  to: "2026-12-05",
  timeZone: "America/Mexico_City",
  groupBy: "category",
  groups: categories.map((key, index) => ({ key, label: key.charAt(0) + key.slice(1).toLowerCase(), count: 5, total: money(1_000_000 - index * 100_000) })),
  totals: { count: 25, total: money(4_000_000) },
};

function error(code: string, message: string): string {
  return JSON.stringify({ error: { code, message, requestId: "req_fixture" } });
}

// Every answer is serialised once at start-up: the fixture's own cost per request stays tiny.
const bodies = {
  me: JSON.stringify(me),
  cards: JSON.stringify(page(cards)),
  transactions: JSON.stringify(page(transactions)),
  summary: JSON.stringify(summary),
  unauthorized: error("UNAUTHORIZED", "The access token is missing, unknown or revoked."),
  notFound: error("NOT_FOUND", "No such resource."),
};
const cardBodies = new Map(cards.map((one) => [one.id, JSON.stringify(one)]));
const lockBodies = new Map(
  cards.map((one) => [one.id, JSON.stringify({ card: { ...one, status: "LOCKED" }, previousStatus: one.status, changedAt: "2026-11-20T17:03:11Z" })]),
);

const CARD_PATH = /^\/api\/v3\/cards\/([^/]+)(\/lock)?$/;
const AUTHORIZATION = `Bearer ${FIXTURE_TOKEN}`;

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function route(req: IncomingMessage): [number, string] {
  if (req.headers.authorization !== AUTHORIZATION) return [401, bodies.unauthorized];
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (req.method === "GET") {
    if (path === "/api/v3/me") return [200, bodies.me];
    if (path === "/api/v3/cards") return [200, bodies.cards];
    if (path === "/api/v3/transactions") return [200, bodies.transactions];
    if (path === "/api/v3/transactions/summary") return [200, bodies.summary];
  }
  const match = CARD_PATH.exec(path);
  if (match) {
    const id = decodeURIComponent(match[1] ?? "");
    const body = match[2] ? (req.method === "PATCH" ? lockBodies.get(id) : undefined) : req.method === "GET" ? cardBodies.get(id) : undefined;
    if (body) return [200, body];
  }
  return [404, bodies.notFound];
}

export function createFixtureUpstream(): Server {
  const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
    // Drain any request body before answering so the connection stays reusable.
    req.resume();
    req.on("end", () => {
      const [status, body] = route(req);
      send(res, status, body);
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

export async function startFixtureUpstream(port = 0, host = "127.0.0.1"): Promise<{ url: string; close(): Promise<void> }> {
  const server = createFixtureUpstream();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
