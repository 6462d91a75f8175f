// Written by `npm run codegen` from test/codegen/fixtures/pets/tools.yaml and test/codegen/fixtures/pets/pets.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
import { z } from "zod";
import { operations } from "./client.js";
import { numberText, referenceText } from "./coerce.js";
import type { ApiEntry, JsonSchema, ToolEntry, ToolTable } from "./table.js";

export const api: ApiEntry = {
  "title": "Pet shelter",
  "identity": {
    "operationId": "whoAmI",
    "fields": {
      "userId": "id",
      "userName": "name",
      "role": "role",
      "timeZone": "shelter.tz",
      "billingDay": "shelter.closingDay"
    }
  },
  "roles": ["OWNER", "STAFF"],
  "idempotencyHeader": "X-Request-Id",
  "errors": {}
};

// Schemas several tools hold, written once; tools/list sends them as they are, and nothing changes them.
// (unnamed in the spec; named after where it is met)
const PetArgument: JsonSchema = { "type": "string", "minLength": 1, "description": "The pet, by id (pet_…) or by name." };
// (unnamed in the spec; named after where it is met)
const CancelAdoptionInput: JsonSchema = {
  "type": "object",
  "properties": { "pet": PetArgument },
  "required": ["pet"],
  "additionalProperties": false
};
const Species: JsonSchema = { "type": "string", "enum": ["cat", "dog", "rabbit"] };
const Pet: JsonSchema = {
  "type": "object",
  "properties": {
    "id": { "type": "string" },
    "name": { "type": "string" },
    "species": Species,
    "status": { "type": "string", "enum": ["AVAILABLE", "ADOPTED"] },
    "born": { "type": ["string", "null"], "format": "date" }
  },
  "required": ["id", "name", "species", "status"]
};

// Validators are built on first use, so importing a large table stays fast; a shared one is built once for all its tools.
function once(make: () => z.ZodType): () => z.ZodType {
  let made: z.ZodType | undefined;
  return () => (made ??= make());
}
const zCancelAdoptionInput = once(() => z.object({ "pet": z.preprocess(referenceText, z.string().min(1)) }).strict());

function entry(validator: () => z.ZodType, tool: Omit<ToolEntry, "input">): ToolEntry {
  return Object.defineProperty(tool, "input", { enumerable: true, get: once(validator) }) as ToolEntry;
}

export const tools: readonly ToolEntry[] = [
  // tool: list_pets
  entry(() => z.object({ "kind": z.enum(["cat","dog","rabbit"]).optional(), "name": z.string().optional(), "bornAfter": z.string().date().optional(), "bornBefore": z.string().date().optional(), "period": z.enum(["today","yesterday","this_week","last_week","this_month","last_month","this_quarter","last_quarter","this_year","last_7_days","last_30_days","last_90_days","current_billing_period","last_billing_period"]).optional(), "limit": z.number().int().gte(1).lte(300).optional() }).strict(), {
    "name": "list_pets",
    "title": "List pets",
    "description": "Lists the shelter's pets, filtered by species and birth date.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["OWNER", "STAFF"],
    "inputSchema": {
      "type": "object",
      "properties": {
        "kind": { "description": "Only this species.", ...Species },
        "name": { "description": "Name contains this text.", "type": "string" },
        "bornAfter": { "type": "string", "format": "date" },
        "bornBefore": { "type": "string", "format": "date" },
        "period": {
          "type": "string",
          "enum": [
            "today",
            "yesterday",
            "this_week",
            "last_week",
            "this_month",
            "last_month",
            "this_quarter",
            "last_quarter",
            "this_year",
            "last_7_days",
            "last_30_days",
            "last_90_days",
            "current_billing_period",
            "last_billing_period"
          ],
          "description": "A named date range instead of bornAfter/bornBefore: today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period, last_billing_period. Resolved in the company's time zone (billing periods by its statement day); do not combine with bornAfter/bornBefore."
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 300,
          "default": 20,
          "description": "How many items to return (default 20, at most 300); the answer also says how many match in all."
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "items": { "type": "array", "items": Pet },
        "returned": { "type": "integer", "minimum": 0, "description": "How many items this answer holds." },
        "hasMore": { "type": "boolean", "description": "Whether more items match than this answer holds." },
        "period": {
          "type": "object",
          "description": "The date range used (inclusive), the time zone it was read in, and the preset it came from (null when given as dates).",
          "properties": {
            "from": { "type": "string", "description": "Start, inclusive (YYYY-MM-DD for a preset)." },
            "to": { "type": "string", "description": "End, inclusive (YYYY-MM-DD for a preset)." },
            "timeZone": { "type": "string" },
            "preset": {
              "type": ["string", "null"],
              "enum": [
                "today",
                "yesterday",
                "this_week",
                "last_week",
                "this_month",
                "last_month",
                "this_quarter",
                "last_quarter",
                "this_year",
                "last_7_days",
                "last_30_days",
                "last_90_days",
                "current_billing_period",
                "last_billing_period",
                null
              ]
            }
          },
          "required": ["from", "to", "timeZone"]
        }
      },
      "required": ["items", "returned", "hasMore"]
    },
    "accepts": {
      "kind": "one of cat, dog or rabbit",
      "name": "text",
      "bornAfter": "a date such as \"2026-11-30\"",
      "bornBefore": "a date such as \"2026-11-30\"",
      "period": "one of today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period or last_billing_period",
      "limit": "a whole number from 1 to 300"
    },
    "operationId": "listPets",
    "method": "get",
    "path": "/pets",
    "args": {
      "kind": { "in": "query", "name": "species" },
      "name": { "in": "query", "name": "name" },
      "bornAfter": { "in": "query", "name": "bornAfter" },
      "bornBefore": { "in": "query", "name": "bornBefore" }
    },
    "fixed": [],
    "resolve": [],
    "period": { "arg": "period", "from": "bornAfter", "to": "bornBefore" },
    "pages": {
      "style": "cursor",
      "size": "limit",
      "cursor": "cursor",
      "next": "next",
      "items": "items",
      "pageSize": 100,
      "limit": { "default": 20, "max": 300 }
    },
    "confirm": [],
    "text": { "heading": "{returned|plural:pet}", "items": "items", "item": "{name} ({species|words})" }
  }),
  // tool: get_pet
  entry(zCancelAdoptionInput, {
    "name": "get_pet",
    "title": "Get a pet",
    "description": "One pet, by id or name.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["OWNER", "STAFF"],
    "inputSchema": CancelAdoptionInput,
    "outputSchema": Pet,
    "accepts": { "pet": "The pet, by id (pet_…) or by name" },
    "operationId": "getPet",
    "method": "get",
    "path": "/pets/{petId}",
    "args": {
      "pet": { "in": "path", "name": "petId" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "pet",
        "param": "petId",
        "resolver": {
          "noun": "pet",
          "operationId": "listPets",
          "value": "id",
          "label": "{name} the {species}",
          "name": "name",
          "by": [
            { "pattern": "^pet_[a-z0-9]+$", "passthrough": true },
            { "query": "name", "field": "name", "match": "words" }
          ],
          "items": "items",
          "pageSize": { "param": "limit", "value": 200 }
        }
      }
    ],
    "confirm": [],
    "text": [
      {
        "when": { "status": "ADOPTED" },
        "one": "{name} has a home"
      },
      { "one": "{name} is {status|lower}" }
    ]
  }),
  // tool: adopt_pet
  entry(() => z.object({ "pet": z.preprocess(referenceText, z.string().min(1)), "adopter": z.string(), "comment": z.string().optional() }).strict(), {
    "name": "adopt_pet",
    "title": "Adopt a pet",
    "description": "Adopts a pet for someone.",
    "annotations": { "readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true },
    "roles": ["STAFF"],
    "inputSchema": {
      "type": "object",
      "properties": {
        "pet": PetArgument,
        "adopter": { "description": "Who adopts.", "type": "string" },
        "comment": { "description": "A note kept with the adoption.", "type": "string" }
      },
      "required": ["pet", "adopter"],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "pet": Pet,
        "queued": { "type": "boolean" }
      },
      "required": ["pet", "queued"]
    },
    "accepts": { "pet": "The pet, by id (pet_…) or by name", "adopter": "text", "comment": "text" },
    "operationId": "adoptPet",
    "method": "post",
    "path": "/pets/{petId}/adoption",
    "args": {
      "pet": { "in": "path", "name": "petId" },
      "adopter": { "in": "body", "name": "adopter" },
      "comment": { "in": "body", "name": "note" }
    },
    "fixed": [
      { "in": "body", "name": "channel", "value": "desk" }
    ],
    "resolve": [
      {
        "arg": "pet",
        "param": "petId",
        "resolver": {
          "noun": "pet",
          "operationId": "listPets",
          "value": "id",
          "label": "{name} the {species}",
          "name": "name",
          "by": [
            { "pattern": "^pet_[a-z0-9]+$", "passthrough": true },
            { "query": "name", "field": "name", "match": "words" }
          ],
          "items": "items",
          "pageSize": { "param": "limit", "value": 200 }
        }
      }
    ],
    "await": {
      "status": 202,
      "operationId": "getPet",
      "args": { "petId": "{petId}" },
      "until": { "field": "status", "equals": "ADOPTED" },
      "into": "pet",
      "flag": "queued",
      "timeoutMs": 1000,
      "intervalMs": 50
    },
    "confirm": [
      {
        "when": { "queued": true },
        "text": "Adoption of {pet.name} is queued."
      },
      { "text": "{pet.name} is adopted." }
    ],
    "text": {}
  }),
  // tool: cancel_adoption
  entry(zCancelAdoptionInput, {
    "name": "cancel_adoption",
    "title": "Cancel an adoption",
    "description": "Cancels a pending adoption.",
    "annotations": { "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false },
    "roles": ["OWNER", "STAFF"],
    "inputSchema": CancelAdoptionInput,
    "accepts": { "pet": "The pet, by id (pet_…) or by name" },
    "operationId": "cancelAdoption",
    "method": "delete",
    "path": "/pets/{petId}/adoption",
    "args": {
      "pet": { "in": "path", "name": "petId" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "pet",
        "param": "petId",
        "resolver": {
          "noun": "pet",
          "operationId": "listPets",
          "value": "id",
          "label": "{name} the {species}",
          "name": "name",
          "by": [
            { "pattern": "^pet_[a-z0-9]+$", "passthrough": true },
            { "query": "name", "field": "name", "match": "words" }
          ],
          "items": "items",
          "pageSize": { "param": "limit", "value": 200 }
        }
      }
    ],
    "confirm": [],
    "text": {}
  }),
];

export const table: ToolTable = { api, tools, operations };
