// A small API that is not Clara (vehicles, drivers, trips) and its tool table, written by hand:
// the tool engine must carry it out from the table alone.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { ApiEntry, ResolverEntry, ToolEntry, ToolTable, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import type { Caller } from "../../../src/gateway/auth/caller.js";

type Method = "GET" | "POST";
const operation = (method: Method, path: string) => ({
  method: method.toLowerCase() as "get" | "post",
  path,
  call: (client: unknown, request: UpstreamRequest) =>
    (client as Record<Method, (path: string, init: unknown) => Promise<UpstreamResult>>)[method](path, request),
});

const money = { type: "object", properties: { value: { type: "string" }, currency: { type: "string" } }, required: ["value", "currency"] };
const vehicleSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    plate: { type: "string" },
    status: { type: "string" },
    driver: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    value: money,
  },
  required: ["id", "plate", "status", "driver", "value"],
};
const periodSchema = {
  type: "object",
  properties: { from: { type: "string" }, to: { type: "string" }, timeZone: { type: "string" }, preset: { type: ["string", "null"] } },
  required: ["from", "to", "timeZone", "preset"],
};

export const fleetApi = {
  title: "Fleet API",
  identity: { operationId: "whoAmI", fields: { userId: "id", role: "role" } },
  roles: ["OWNER"],
  idempotencyHeader: "Request-Key",
  errors: { code: "problem.type", message: "problem.detail", requestId: "problem.id" },
};

export const vehicleResolver: ResolverEntry = {
  noun: "vehicle",
  operationId: "listVehicles",
  value: "id",
  label: "{driver.name} · plate {plate} ({status})",
  name: "driver.name",
  by: [
    { pattern: "^veh_[a-z0-9]+$", passthrough: true },
    { pattern: "^#?\\s*([0-9]{3})$", query: "plate", field: "plate", match: "exact" },
    { query: "driver", field: "driver.name", match: "words" },
  ],
};

const base = { roles: ["OWNER"], fixed: [], resolve: [], confirm: [], annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } };

export const listVehicles: ToolEntry = {
  ...base,
  name: "list_vehicles",
  title: "List vehicles",
  description: "Lists vehicles.",
  operationId: "listVehicles",
  method: "get",
  path: "/v1/vehicles",
  inputSchema: { type: "object" },
  outputSchema: {
    type: "object",
    properties: { items: { type: "array", items: vehicleSchema }, total: { type: "integer" }, returned: { type: "integer" }, hasMore: { type: "boolean" } },
    required: ["items", "total", "returned", "hasMore"],
    additionalProperties: false,
  },
  input: z.object({ status: z.enum(["ACTIVE", "PARKED", "RETIRED"]).optional(), driver: z.string().min(1).optional(), limit: z.number().int().min(1).max(20).optional() }).strict(),
  args: { status: { in: "query", name: "status" }, driver: { in: "query", name: "driver" } },
  pages: { style: "page", page: "page", size: "size", items: "items", total: "total", pageSize: 3, limit: { default: 5, max: 20 } },
  text: [
    { when: { total: 0 }, one: "No vehicle matches." },
    { heading: "{returned} of {total|plural:vehicle}", items: "items", item: "{plate} · {driver.name} · {status|lower} · {value|money}" },
  ],
};

export const getVehicle: ToolEntry = {
  ...base,
  name: "get_vehicle",
  title: "Get a vehicle",
  description: "One vehicle.",
  operationId: "getVehicle",
  method: "get",
  path: "/v1/vehicles/{vehicleId}",
  inputSchema: { type: "object" },
  outputSchema: vehicleSchema,
  input: z.object({ vehicle: z.string().min(1) }).strict(),
  args: { vehicle: { in: "path", name: "vehicleId" } },
  resolve: [{ arg: "vehicle", param: "vehicleId", resolver: vehicleResolver }],
  text: [
    { when: { status: "RETIRED" }, one: "{plate} is retired; it was worth {value|money}" },
    { one: "{plate} · {driver.name} · {status|lower} · worth {value|money} · since {since|date}" },
  ],
};

export const parkVehicle: ToolEntry = {
  ...base,
  name: "park_vehicle",
  title: "Park a vehicle",
  description: "Parks a vehicle.",
  operationId: "parkVehicle",
  method: "post",
  path: "/v1/vehicles/{vehicleId}/park",
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  inputSchema: { type: "object" },
  outputSchema: {
    type: "object",
    properties: { vehicle: vehicleSchema, previous: { type: "string" }, pending: { type: "boolean" } },
    required: ["vehicle", "previous"],
  },
  input: z.object({ vehicle: z.string().min(1), note: z.string().max(20).optional() }).strict(),
  args: { vehicle: { in: "path", name: "vehicleId" }, note: { in: "body", name: "note" } },
  fixed: [{ in: "body", name: "parked", value: true }],
  resolve: [{ arg: "vehicle", param: "vehicleId", resolver: vehicleResolver }],
  await: {
    status: 202,
    operationId: "getVehicle",
    args: { vehicleId: "{vehicleId}" },
    until: { field: "status", equals: "PARKED" },
    into: "vehicle",
    flag: "pending",
    timeoutMs: 400,
    intervalMs: 20,
  },
  confirm: [
    { when: { pending: true }, text: "Parking of {vehicle.plate} accepted but not applied yet; it is still {vehicle.status|lower}." },
    { when: { previous: "PARKED" }, text: "{vehicle.plate} ({vehicle.driver.name}) was already parked; nothing changed." },
    { text: "Parked {vehicle.plate} ({vehicle.driver.name}); it was {previous|lower}." },
  ],
  text: {},
};

export const listTrips: ToolEntry = {
  ...base,
  name: "list_trips",
  title: "List trips",
  description: "Trips in a period.",
  operationId: "listTrips",
  method: "get",
  path: "/v1/trips",
  inputSchema: { type: "object" },
  outputSchema: {
    type: "object",
    properties: { trips: { type: "array" }, from: { type: "string" }, to: { type: "string" }, period: periodSchema },
    required: ["trips", "period"],
  },
  input: z
    .object({
      period: z.enum(["today", "this_month", "last_month", "last_30_days", "current_billing_period"]).optional(),
      start: z.string().optional(),
      end: z.string().optional(),
      minFare: z.string().optional(),
    })
    .strict(),
  args: { start: { in: "query", name: "from" }, end: { in: "query", name: "to" }, minFare: { in: "query", name: "min_fare" } },
  period: { arg: "period", from: "start", to: "end", default: "this_month" },
  text: { heading: "{trips.length|plural:trip}", items: "trips", item: "{at|date} · {fare|money}" },
};

export const countTrips: ToolEntry = {
  ...base,
  name: "count_trips",
  title: "Count trips",
  description: "How many trips.",
  operationId: "countTrips",
  method: "get",
  path: "/v1/trips/count",
  inputSchema: { type: "object" },
  outputSchema: { type: "object", properties: { count: { type: "integer" } }, required: ["count"] },
  wrapOutput: "count",
  input: z.object({}).strict(),
  args: {},
  text: { one: "{count|plural:trip}" },
};

export const fleetTable: ToolTable = {
  api: fleetApi as ApiEntry,
  tools: [listVehicles, getVehicle, parkVehicle, listTrips, countTrips],
  operations: {
    whoAmI: operation("GET", "/v1/me"),
    listVehicles: operation("GET", "/v1/vehicles"),
    getVehicle: operation("GET", "/v1/vehicles/{vehicleId}"),
    parkVehicle: operation("POST", "/v1/vehicles/{vehicleId}/park"),
    listTrips: operation("GET", "/v1/trips"),
    countTrips: operation("GET", "/v1/trips/count"),
  },
};

export const TOKEN = "fleet_secret_token_1";

export const owner: Caller = {
  token: TOKEN,
  tokenId: "tok_1",
  userId: "usr_1",
  userName: "Olga Owner",
  role: "OWNER",
  companyId: "co_1",
  companyName: "Fleet Co",
  currency: "MXN",
  timeZone: "America/Mexico_City",
  billingDay: 5,
};

export interface Vehicle {
  id: string;
  plate: string;
  status: "ACTIVE" | "PARKED" | "RETIRED";
  driver: { name: string };
  value: { value: string; currency: string };
  since: string;
}

export function seedVehicles(): Vehicle[] {
  const v = (id: string, plate: string, name: string, status: Vehicle["status"], value: string): Vehicle => ({
    id,
    plate,
    status,
    driver: { name },
    value: { value, currency: "MXN" },
    since: "2026-01-01T03:30:00Z",
  });
  return [
    v("veh_a1", "101", "Luis Pérez", "ACTIVE", "250000.00"),
    v("veh_a2", "202", "Luisa Pérez Gómez", "ACTIVE", "1234567.89"),
    v("veh_a3", "303", "Marta Ríos", "PARKED", "99.50"),
    v("veh_a4", "404", "Marta Ríos", "ACTIVE", "1000.00"),
    v("veh_a5", "505", "Óscar Núñez", "RETIRED", "0.00"),
    v("veh_a6", "606", "Ana Soto", "ACTIVE", "15000.00"),
    v("veh_a7", "707", "Bruno Díaz", "ACTIVE", "7000.25"),
  ];
}

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body?: unknown;
}

export interface FleetServer {
  url: string;
  vehicles: Vehicle[];
  log: LoggedRequest[];
  /** When set, parking answers 202 and applies after this many milliseconds. */
  parkDelayMs: number;
  /** Status to answer every request with, to simulate an upstream in trouble. */
  failWith?: number;
  /** How many of the next requests answer 503 before the API recovers. */
  failNext: number;
  close(): Promise<void>;
}

function problem(res: ServerResponse, status: number, type: string, detail: string) {
  res.writeHead(status, { "content-type": "application/json", "x-request-id": "up_req_1", ...(status === 429 ? { "retry-after": "7" } : {}) });
  res.end(JSON.stringify({ problem: { type, detail, id: "up_req_1" } }));
}

export async function startFleet(): Promise<FleetServer> {
  const timers = new Set<NodeJS.Timeout>();
  const state: FleetServer = {
    url: "",
    vehicles: seedVehicles(),
    log: [],
    parkDelayMs: 0,
    failNext: 0,
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fleet");
    const query = Object.fromEntries(url.searchParams);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? JSON.parse(raw) : undefined;
    state.log.push({ method: req.method ?? "", path: url.pathname, query, headers: req.headers, body });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return problem(res, 401, "unauthorized", "Bad token.");
    if (state.failWith) return problem(res, state.failWith, "trouble", "Something broke.");
    if (state.failNext > 0) {
      state.failNext--;
      return problem(res, 503, "trouble", "Briefly down.");
    }
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "x-request-id": "up_req_1" });
      res.end(JSON.stringify(value));
    };
    const path = url.pathname;
    if (req.method === "GET" && path === "/v1/vehicles") {
      let list = state.vehicles;
      if (query.status) list = list.filter((v) => v.status === query.status);
      if (query.plate) list = list.filter((v) => v.plate === query.plate);
      if (query.driver) list = list.filter((v) => fold(v.driver.name).includes(fold(query.driver!)));
      const page = Number(query.page ?? 1);
      const size = Number(query.size ?? 2);
      return json(200, { items: list.slice((page - 1) * size, page * size), total: list.length, page });
    }
    const one = /^\/v1\/vehicles\/([^/]+)(\/park)?$/.exec(path);
    if (one) {
      const vehicle = state.vehicles.find((v) => v.id === decodeURIComponent(one[1]!));
      if (!vehicle) return problem(res, 404, "not_found", `No vehicle ${one[1]}.`);
      if (!one[2] && req.method === "GET") return json(200, vehicle);
      if (one[2] && req.method === "POST") {
        if (vehicle.status === "RETIRED") return problem(res, 409, "conflict", "The vehicle is retired and cannot be parked.");
        const previous = vehicle.status;
        if (state.parkDelayMs > 0 && previous !== "PARKED") {
          const timer = setTimeout(() => {
            timers.delete(timer);
            vehicle.status = "PARKED";
          }, state.parkDelayMs);
          timers.add(timer);
          return json(202, { vehicle: { ...vehicle }, previous, pending: true });
        }
        vehicle.status = "PARKED";
        return json(200, { vehicle, previous });
      }
    }
    if (req.method === "GET" && path === "/v1/trips") {
      const trips = [
        { at: "2026-11-18T03:00:00Z", fare: { value: "120.00", currency: "MXN" } },
        { at: "2026-11-02T18:00:00Z", fare: { value: "5600.50", currency: "MXN" } },
      ].filter((trip) => !query.min_fare || Number(trip.fare.value) >= Number(query.min_fare));
      return json(200, { trips, from: query.from, to: query.to });
    }
    if (req.method === "GET" && path === "/v1/trips/count") return json(200, 42);
    problem(res, 404, "not_found", "No such path.");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** An UpstreamResult as a lookup or fetch would give it, for helper tests without HTTP. */
export function answer(status: number, data: unknown, headers: Record<string, string> = {}): UpstreamResult {
  const response = new Response(status === 204 ? null : JSON.stringify(data), { status, headers: { "content-type": "application/json", ...headers } });
  return status >= 200 && status < 300 ? { data, response } : { error: data, response };
}
