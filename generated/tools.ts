// Written by `npm run codegen` from spec/tools.yaml and spec/clara.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
import { z } from "zod";
import { operations } from "./client.js";
import { numberText, referenceText } from "./coerce.js";
import { views } from "./views.js";
import type { ApiEntry, JsonSchema, ToolEntry, ToolTable } from "./table.js";

export const api: ApiEntry = {
  "title": "Clara API",
  "tokenHeader": "clara-mcp-token",
  "identity": {
    "operationId": "getCurrentUser",
    "fields": {
      "userId": "id",
      "userName": "name",
      "role": "role",
      "companyId": "company.id",
      "companyName": "company.legalName",
      "currency": "company.currency",
      "timeZone": "company.timeZone",
      "billingDay": "company.billingCycle.statementDay"
    }
  },
  "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
  "scopes": [
    { "name": "cards:read", "words": "see cards and transactions" },
    {
      "name": "expenses:read",
      "words": "see expense reports, reimbursements and requests waiting for approval"
    },
    { "name": "cards:lock", "words": "lock and unlock cards" },
    { "name": "limits:write", "words": "change card limits" },
    { "name": "approvals:write", "words": "approve or reject requests" }
  ],
  "idempotencyHeader": "Idempotency-Key",
  "errors": { "code": "error.code", "message": "error.message", "requestId": "error.requestId" }
};

// Schemas several tools hold, written once; tools/list sends them as they are, and nothing changes them.
const ApprovalId: JsonSchema = {
  "description": "An approval request's id.",
  "type": "string",
  "pattern": "^apr_[A-Za-z0-9]{4,32}$",
  "examples": ["apr_Lp01Limit"]
};
const ApprovalStatus: JsonSchema = {
  "description": "PENDING (waiting for a decision), APPROVED or REJECTED.",
  "type": "string",
  "enum": ["PENDING", "APPROVED", "REJECTED"]
};
const ApprovalType: JsonSchema = {
  "description": "EXPENSE_REPORT (a submitted expense report) or LIMIT_INCREASE (a cardholder asks for a higher card limit).",
  "type": "string",
  "enum": ["EXPENSE_REPORT", "LIMIT_INCREASE"]
};
const CardId: JsonSchema = {
  "description": "A card's id.",
  "type": "string",
  "pattern": "^card_[A-Za-z0-9]{4,32}$",
  "examples": ["card_7Hq2LmX9"]
};
const Cardholder: JsonSchema = {
  "description": "The person a card is issued to.",
  "type": "object",
  "properties": {
    "id": { "description": "The cardholder's id.", "type": "string" },
    "name": { "description": "The cardholder's full name.", "type": "string" },
    "email": { "description": "The cardholder's email address.", "type": "string", "format": "email" }
  },
  "required": ["id", "name", "email"]
};
const ExpenseId: JsonSchema = {
  "description": "An expense report's id.",
  "type": "string",
  "pattern": "^exp_[A-Za-z0-9]{4,32}$",
  "examples": ["exp_4Tz9Qa2M"]
};
const Money: JsonSchema = {
  "description": "An exact amount of money.",
  "type": "object",
  "properties": {
    "value": {
      "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
      "type": "string",
      "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
      "examples": ["1234.50"]
    },
    "currency": {
      "description": "ISO 4217 currency code.",
      "type": "string",
      "pattern": "^[A-Z]{3}$",
      "examples": ["MXN"]
    }
  },
  "required": ["value", "currency"],
  "additionalProperties": false
};
const LimitPeriod: JsonSchema = {
  "description": "The period a spending limit applies to. DAILY (each day, in the company's time zone), MONTHLY (each billing period), PER_TRANSACTION (each purchase on its own).",
  "type": "string",
  "enum": ["DAILY", "MONTHLY", "PER_TRANSACTION"]
};
const SpendingLimit: JsonSchema = {
  "description": "How much may be spent with a card in each period.",
  "type": "object",
  "properties": {
    "amount": Money,
    "period": { ...LimitPeriod, "description": "The period the limit applies to." }
  },
  "required": ["amount", "period"]
};
// (unnamed in the spec; named after where it is met)
const Requested: JsonSchema = { ...SpendingLimit, "description": "The limit asked for." };
const ApprovalRequest: JsonSchema = {
  "description": "A request that needs an administrator's decision.",
  "type": "object",
  "properties": {
    "id": ApprovalId,
    "type": ApprovalType,
    "status": ApprovalStatus,
    "requestedBy": { ...Cardholder, "description": "Who asked (the report's submitter, or the card's holder)." },
    "requestedAt": {
      "description": "When it was asked (when the report was submitted).",
      "type": "string",
      "format": "date-time"
    },
    "description": {
      "description": "What is asked for, in the requester's words: the report's title or the reason for the increase.",
      "type": "string"
    },
    "amount": { ...Money, "description": "The report's total, or the limit amount asked for." },
    "expense": {
      "description": "The expense report (EXPENSE_REPORT requests); null otherwise.",
      "anyOf": [
        {
          "description": "The expense report, by id and title.",
          "type": "object",
          "properties": {
            "id": ExpenseId,
            "title": { "description": "The report's title.", "type": "string" }
          },
          "required": ["id", "title"]
        },
        { "type": "null" }
      ]
    },
    "limitIncrease": {
      "description": "The card and limits (LIMIT_INCREASE requests); null otherwise.",
      "anyOf": [
        {
          "description": "What a limit increase asks for.",
          "type": "object",
          "properties": {
            "card": {
              "description": "The card whose limit would change.",
              "type": "object",
              "properties": {
                "id": CardId,
                "last4": { "description": "The last four digits of the card number.", "type": "string" }
              },
              "required": ["id", "last4"]
            },
            "current": { ...SpendingLimit, "description": "The card's limit now while the request is pending; once decided, the limit the card had just before the decision." },
            "requested": Requested
          },
          "required": ["card", "current", "requested"]
        },
        { "type": "null" }
      ]
    },
    "decidedBy": {
      "description": "The administrator who decided; null while pending.",
      "anyOf": [
        {
          "description": "A user of the company, by id and name.",
          "type": "object",
          "properties": {
            "id": { "description": "The user's id.", "type": "string" },
            "name": { "description": "The user's full name.", "type": "string" }
          },
          "required": ["id", "name"]
        },
        { "type": "null" }
      ]
    },
    "decidedAt": {
      "description": "When it was decided; null while pending.",
      "type": ["string", "null"],
      "format": "date-time"
    },
    "comment": { "description": "The decider's comment; null when none was given.", "type": ["string", "null"] }
  },
  "required": [
    "id",
    "type",
    "status",
    "requestedBy",
    "requestedAt",
    "description",
    "amount",
    "expense",
    "limitIncrease",
    "decidedBy",
    "decidedAt",
    "comment"
  ]
};
const ApprovalDecision: JsonSchema = {
  "description": "A decision on an approval request.",
  "type": "object",
  "properties": {
    "request": { ...ApprovalRequest, "description": "The request after the decision." },
    "previousStatus": { ...ApprovalStatus, "description": "Its status before this call; the same as status when it was already decided this way and nothing changed." },
    "status": { ...ApprovalStatus, "description": "Its status now." }
  },
  "required": ["request", "previousStatus", "status"]
};
// (unnamed in the spec; named after where it is met)
const ApprovalIdArgument: JsonSchema = { ...ApprovalId, "description": "The approval request's id (apr_…), as list_pending_approvals gives it." };
const CardStatus: JsonSchema = {
  "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
  "type": "string",
  "enum": ["ACTIVE", "LOCKED", "CANCELLED"]
};
const Card: JsonSchema = {
  "description": "A corporate card.",
  "type": "object",
  "properties": {
    "id": CardId,
    "cardholder": Cardholder,
    "last4": {
      "description": "The last four digits of the card number.",
      "type": "string",
      "pattern": "^[0-9]{4}$"
    },
    "brand": { "description": "The card network.", "type": "string", "enum": ["MASTERCARD", "VISA"] },
    "type": {
      "description": "PHYSICAL (a plastic card) or VIRTUAL (a number for online payments).",
      "type": "string",
      "enum": ["PHYSICAL", "VIRTUAL"]
    },
    "status": CardStatus,
    "spendingLimit": SpendingLimit,
    "spentThisPeriod": { ...Money, "description": "Posted and pending spending in the current limit period." },
    "createdAt": { "description": "When the card was issued.", "type": "string", "format": "date-time" }
  },
  "required": [
    "id",
    "cardholder",
    "last4",
    "brand",
    "type",
    "status",
    "spendingLimit",
    "spentThisPeriod",
    "createdAt"
  ]
};
// (unnamed in the spec; named after where it is met)
const CardArgument: JsonSchema = {
  "type": "string",
  "minLength": 1,
  "description": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")."
};
const Category: JsonSchema = {
  "description": "The merchant's spending category.",
  "type": "string",
  "enum": [
    "TRAVEL",
    "LODGING",
    "FOOD",
    "TRANSPORTATION",
    "FUEL",
    "SOFTWARE_AND_HARDWARE",
    "OFFICE_SUPPLIES",
    "MARKETING",
    "PROFESSIONAL_SERVICES",
    "UTILITIES",
    "ENTERTAINMENT",
    "OTHER"
  ]
};
// (unnamed in the spec; named after where it is met)
const CategoryArgument: JsonSchema = { ...Category, "description": "Only transactions whose merchant is in this category.", "examples": ["TRAVEL"] };
// (unnamed in the spec; named after where it is met)
const ChangedAt: JsonSchema = {
  "description": "When the change was applied (or, when nothing changed, this request's time).",
  "type": "string",
  "format": "date-time"
};
// (unnamed in the spec; named after where it is met)
const ConfirmationArgument: JsonSchema = {
  "type": "string",
  "minLength": 1,
  "maxLength": 4096,
  "description": "Only for clients that cannot ask the user themselves: the confirmation code a first call without it answered with its preview, after the user agreed. Single-use, valid 5 minutes, for exactly the same arguments."
};
// (unnamed in the spec; named after where it is met)
const CreatedAt: JsonSchema = { "description": "When the report was created.", "type": "string", "format": "date-time" };
const DateOrDateTime: JsonSchema = {
  "description": "A calendar date (YYYY-MM-DD) or an RFC 3339 date-time.",
  "type": "string",
  "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
  "examples": ["2026-10-01", "2026-10-01T00:00:00-06:00"]
};
const DecimalAmount: JsonSchema = {
  "description": "A non-negative amount in currency units, as a decimal string with up to two decimals.",
  "type": "string",
  "pattern": "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
  "examples": ["5000", "1234.50"]
};
const ExpenseStatus: JsonSchema = {
  "description": "DRAFT (not submitted yet), SUBMITTED (waiting for approval), APPROVED, REJECTED, REIMBURSED (approved, and its out-of-pocket lines were paid back).",
  "type": "string",
  "enum": ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "REIMBURSED"]
};
// (unnamed in the spec; named after where it is met)
const FromArgument: JsonSchema = { ...DateOrDateTime, "description": "Start of the period, inclusive: a date (`YYYY-MM-DD`, from the start of that day in the\ncompany's time zone) or an RFC 3339 date-time." };
// (unnamed in the spec; named after where it is met)
const GetCardInput: JsonSchema = {
  "type": "object",
  "properties": { "card": CardArgument },
  "required": ["card"],
  "additionalProperties": false
};
// (unnamed in the spec; named after where it is met)
const HasMore: JsonSchema = { "type": "boolean", "description": "Whether more items match than this answer holds." };
// (unnamed in the spec; named after where it is met)
const LimitArgument: JsonSchema = {
  "type": "integer",
  "minimum": 1,
  "maximum": 500,
  "default": 50,
  "description": "How many items to return (default 50, at most 500); the answer also says how many match in all."
};
// (unnamed in the spec; named after where it is met)
const LineCount: JsonSchema = { "description": "How many lines the report has.", "type": "integer", "minimum": 1 };
// (unnamed in the spec; named after where it is met)
const LockCardOutput: JsonSchema = {
  "type": "object",
  "description": "A lock or unlock that was applied.",
  "properties": {
    "card": Card,
    "previousStatus": CardStatus,
    "changedAt": ChangedAt,
    "pending": {
      "description": "true while the processor has not finished; read the card again to see its new status.",
      "type": "boolean"
    }
  },
  "required": ["card", "previousStatus"]
};
// (unnamed in the spec; named after where it is met)
const MaxAmountArgument: JsonSchema = { ...DecimalAmount, "description": "Only transactions of at most this amount, in the company's currency.", "examples": ["5000", "1234.50", "20000.00"] };
// (unnamed in the spec; named after where it is met)
const MerchantArgument: JsonSchema = {
  "description": "Only transactions whose merchant name contains this text (case and accents ignored).",
  "type": "string",
  "minLength": 1,
  "maxLength": 100,
  "examples": ["uber"]
};
// (unnamed in the spec; named after where it is met)
const MinAmountArgument: JsonSchema = { ...DecimalAmount, "description": "Only transactions of at least this amount, in the company's currency." };
// (unnamed in the spec; named after where it is met)
const MissingReceipts: JsonSchema = { "description": "How many of its lines have no receipt.", "type": "integer", "minimum": 0 };
// (unnamed in the spec; named after where it is met)
const Period: JsonSchema = {
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
};
// (unnamed in the spec; named after where it is met)
const PeriodArgument: JsonSchema = {
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
  "description": "A named date range instead of from/to: today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period, last_billing_period. Resolved in the company's time zone (billing periods by its statement day); do not combine with from/to. Without period, from and to, current_billing_period is used."
};
// (unnamed in the spec; named after where it is met)
const PeriodArgument2: JsonSchema = {
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
  "description": "A named date range instead of from/to: today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period, last_billing_period. Resolved in the company's time zone (billing periods by its statement day); do not combine with from/to."
};
const PolicyFlag: JsonSchema = {
  "description": "A company expense rule a line breaks. OVER_CATEGORY_LIMIT (a meal above the company's limit per meal), WEEKEND_SPENDING (spent on a Saturday or Sunday), RESTRICTED_CATEGORY (a category the company does not pay for, such as entertainment).",
  "type": "string",
  "enum": ["OVER_CATEGORY_LIMIT", "WEEKEND_SPENDING", "RESTRICTED_CATEGORY"]
};
// (unnamed in the spec; named after where it is met)
const PolicyFlags: JsonSchema = {
  "description": "The policy rules its lines break, each listed once (empty when none).",
  "type": "array",
  "uniqueItems": true,
  "items": PolicyFlag
};
const ReimbursementId: JsonSchema = {
  "description": "A reimbursement's id.",
  "type": "string",
  "pattern": "^rmb_[A-Za-z0-9]{4,32}$",
  "examples": ["rmb_6Yh2Kd9P"]
};
const ReimbursementStatus: JsonSchema = {
  "description": "PENDING (approved, waiting to be paid), PAID (transferred to the employee), FAILED (the transfer was returned; see failureReason).",
  "type": "string",
  "enum": ["PENDING", "PAID", "FAILED"]
};
// (unnamed in the spec; named after where it is met)
const Returned: JsonSchema = { "type": "integer", "minimum": 0, "description": "How many items this answer holds." };
// (unnamed in the spec; named after where it is met)
const SubmittedAt: JsonSchema = {
  "description": "When the report was submitted for approval; null while it is a draft.",
  "type": ["string", "null"],
  "format": "date-time"
};
// (unnamed in the spec; named after where it is met)
const Submitter: JsonSchema = { ...Cardholder, "description": "The employee who wrote the report (a cardholder of the company)." };
// (unnamed in the spec; named after where it is met)
const ToArgument: JsonSchema = { ...DateOrDateTime, "description": "End of the period, inclusive: a date (`YYYY-MM-DD`, to the end of that day in the company's\ntime zone) or an RFC 3339 date-time.", "examples": ["2026-10-01", "2026-10-01T00:00:00-06:00", "2026-10-31"] };
// (unnamed in the spec; named after where it is met)
const Total: JsonSchema = { ...Money, "description": "The sum of the report's lines, in the company's currency." };
const TransactionStatus: JsonSchema = {
  "description": "PENDING (authorised, not yet settled), POSTED (settled), DECLINED (refused), REVERSED (cancelled or refunded after authorisation).",
  "type": "string",
  "enum": ["PENDING", "POSTED", "DECLINED", "REVERSED"]
};

// Validators are built on first use, so importing a large table stays fast; a shared one is built once for all its tools.
function once(make: () => z.ZodType): () => z.ZodType {
  let made: z.ZodType | undefined;
  return () => (made ??= make());
}
const zCardArgument = once(() => z.preprocess(referenceText, z.string().min(1)));
const zCategory = once(() => z.enum(["TRAVEL","LODGING","FOOD","TRANSPORTATION","FUEL","SOFTWARE_AND_HARDWARE","OFFICE_SUPPLIES","MARKETING","PROFESSIONAL_SERVICES","UTILITIES","ENTERTAINMENT","OTHER"]));
const zConfirmationArgument = once(() => z.string().min(1).max(4096));
const zDateOrDateTime = once(() => z.string().regex(new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$")));
const zDecimalAmount = once(() => z.preprocess(numberText, z.string().regex(new RegExp("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$"))));
const zGetCardInput = once(() => z.object({ "card": zCardArgument() }).strict());
const zLimitArgument = once(() => z.number().int().gte(1).lte(500));
const zPeriodArgument = once(() => z.enum(["today","yesterday","this_week","last_week","this_month","last_month","this_quarter","last_quarter","this_year","last_7_days","last_30_days","last_90_days","current_billing_period","last_billing_period"]));
const zStatusArgument = once(() => z.array(z.enum(["PENDING","POSTED","DECLINED","REVERSED"])).min(1).refine((arr) => arr.every((item, i) => arr.indexOf(item) == i), "All items must be unique!"));

function entry(validator: () => z.ZodType, tool: Omit<ToolEntry, "input">): ToolEntry {
  return Object.defineProperty(tool, "input", { enumerable: true, get: once(validator) }) as ToolEntry;
}

export const tools: readonly ToolEntry[] = [
  // tool: get_current_user
  entry(() => z.object({}).strict(), {
    "name": "get_current_user",
    "title": "Who am I",
    "description": "Returns the signed-in Clara user (name, email, role) and their company: legal name, country, currency, time zone and the day its card statement closes. Use it to learn the company's currency and time zone before interpreting amounts or dates.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:read",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "The user an access token belongs to.",
      "type": "object",
      "properties": {
        "id": { "description": "The user's id.", "type": "string" },
        "name": { "description": "The user's full name.", "type": "string" },
        "email": { "description": "The user's email address.", "type": "string", "format": "email" },
        "role": {
          "description": "What a user may do: ADMINISTRATOR (everything; the only role that changes card limits and\ndecides approval requests), BOOKKEEPER (accounting: reads everything, locks and unlocks\ncards), EMPLOYEE (their own cards, expenses, reimbursements and requests only), VIEWER (read only).\n",
          "type": "string",
          "enum": ["ADMINISTRATOR", "BOOKKEEPER", "EMPLOYEE", "VIEWER"]
        },
        "company": {
          "description": "The company a user works for.",
          "type": "object",
          "properties": {
            "id": { "description": "The company's id.", "type": "string" },
            "legalName": { "description": "The company's registered legal name.", "type": "string" },
            "country": {
              "description": "The company's country (ISO 3166-1 alpha-2).",
              "type": "string",
              "enum": ["MX", "BR", "CO"]
            },
            "currency": {
              "description": "The company's currency (ISO 4217); every amount filter and summary is in it.",
              "type": "string",
              "enum": ["MXN", "BRL", "COP"]
            },
            "timeZone": {
              "description": "The company's IANA time zone; dates without a time are days in this zone.",
              "type": "string",
              "examples": ["America/Mexico_City"]
            },
            "taxId": {
              "description": "The company's tax id (RFC in Mexico, CNPJ in Brazil, NIT in Colombia).",
              "type": "string"
            },
            "billingCycle": {
              "description": "When the company's card statement closes.",
              "type": "object",
              "properties": {
                "statementDay": {
                  "description": "Day of the month the statement closes; a billing period runs from the day after one statement day to the next statement day, inclusive.",
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 28
                }
              },
              "required": ["statementDay"]
            }
          },
          "required": ["id", "legalName", "country", "currency", "timeZone", "taxId", "billingCycle"]
        }
      },
      "required": ["id", "name", "email", "role", "company"]
    },
    "accepts": {},
    "operationId": "getCurrentUser",
    "method": "get",
    "path": "/api/v3/me",
    "args": {},
    "fixed": [],
    "resolve": [],
    "confirm": [],
    "text": {
      "one": "{name} <{email}>, {role|lower} at {company.legalName} ({company.country}). Currency {company.currency}, time zone {company.timeZone}, statement closes on day {company.billingCycle.statementDay}."
    }
  }),
  // tool: list_cards
  entry(() => z.object({ "status": z.enum(["ACTIVE","LOCKED","CANCELLED"]).optional(), "cardholder": z.string().min(1).max(100).optional(), "last4": z.preprocess(numberText, z.string().regex(new RegExp("^[0-9]{4}$"))).optional(), "minSpendingLimit": zDecimalAmount().optional(), "limit": zLimitArgument().optional() }).strict(), {
    "name": "list_cards",
    "title": "List cards",
    "description": "Lists the company's corporate cards with cardholder, last 4 digits, status (ACTIVE, LOCKED, CANCELLED), spending limit and what was spent in the current limit period. Filter by status (\"which cards are locked?\"), by cardholder name, or by minimum spending limit (\"cards with a limit above 10,000\"). Returns the cards and how many match in all.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "status": { ...CardStatus, "description": "Only cards in this status.", "examples": ["LOCKED"] },
        "cardholder": {
          "description": "Only cards whose cardholder's name contains this text. Case and accents are ignored:\n`luis perez` finds `Luis Pérez`.",
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "examples": ["luis perez"]
        },
        "last4": {
          "description": "Only the card whose number ends with these four digits.",
          "type": "string",
          "pattern": "^[0-9]{4}$",
          "examples": ["4821"]
        },
        "minSpendingLimit": { ...DecimalAmount, "description": "Only cards whose spending limit is at least this amount in the company's currency, e.g. \"10000\".", "examples": ["5000", "1234.50", "10000"] },
        "limit": LimitArgument
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of cards.",
      "properties": {
        "data": { "description": "The cards on this page.", "type": "array", "items": Card },
        "totalItems": { "description": "How many cards match the filters in all pages.", "type": "integer" },
        "returned": Returned,
        "hasMore": HasMore
      },
      "required": ["data", "totalItems", "returned", "hasMore"]
    },
    "accepts": {
      "status": "one of ACTIVE, LOCKED or CANCELLED",
      "cardholder": "text of 1 to 100 characters, such as \"luis perez\"",
      "last4": "4 digits as text, such as \"4821\"",
      "minSpendingLimit": "a decimal amount such as \"5000\" or \"1234.50\"",
      "limit": "a whole number from 1 to 500"
    },
    "operationId": "listCards",
    "method": "get",
    "path": "/api/v3/cards",
    "args": {
      "status": { "in": "query", "name": "status" },
      "cardholder": { "in": "query", "name": "cardholder" },
      "last4": { "in": "query", "name": "last4" },
      "minSpendingLimit": { "in": "query", "name": "minSpendingLimit" }
    },
    "fixed": [],
    "resolve": [],
    "pages": {
      "style": "page",
      "page": "page",
      "size": "size",
      "items": "data",
      "total": "totalItems",
      "pageSize": 100,
      "limit": { "default": 50, "max": 500 }
    },
    "confirm": [],
    "text": {
      "heading": "{returned} of {totalItems|plural:card}",
      "items": "data",
      "item": "•••• {last4} · {cardholder.name} · {status} · limit {spendingLimit.amount|money} {spendingLimit.period|words} · spent {spentThisPeriod|money} · {id}"
    },
    "view": "ui://views/cards-table.html"
  }),
  // tool: get_card
  entry(zGetCardInput, {
    "name": "get_card",
    "title": "Get a card",
    "description": "Returns one card: cardholder, last 4 digits, brand, type, status, spending limit and spending in the current period. Identify the card by id, last 4 digits or cardholder name.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:read",
    "inputSchema": GetCardInput,
    "outputSchema": Card,
    "accepts": {
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")"
    },
    "operationId": "getCard",
    "method": "get",
    "path": "/api/v3/cards/{cardId}",
    "args": {
      "card": { "in": "path", "name": "cardId" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "confirm": [],
    "text": {
      "one": "•••• {last4} · {cardholder.name} · {brand} {type|lower} · {status} · limit {spendingLimit.amount|money} {spendingLimit.period|words} · spent {spentThisPeriod|money} · {id}"
    }
  }),
  // tool: lock_card
  entry(zGetCardInput, {
    "name": "lock_card",
    "title": "Lock a card",
    "description": "Locks a card so every new purchase is declined until it is unlocked (reversible, unlike cancelling). Identify the card by id, last 4 digits or cardholder name; if several cards match, nothing is changed and the candidates are listed. Confirms the card and its previous status.",
    "annotations": { "readOnlyHint": false, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:lock",
    "inputSchema": GetCardInput,
    "outputSchema": LockCardOutput,
    "accepts": {
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")"
    },
    "operationId": "toggleCardLock",
    "method": "patch",
    "path": "/api/v3/cards/{cardId}/lock",
    "args": {
      "card": { "in": "path", "name": "cardId" }
    },
    "fixed": [
      { "in": "body", "name": "lock", "value": true }
    ],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "await": {
      "status": 202,
      "operationId": "getCard",
      "args": { "cardId": "{cardId}" },
      "until": { "field": "status", "equals": "LOCKED" },
      "into": "card",
      "flag": "pending",
      "timeoutMs": 6000,
      "intervalMs": 250
    },
    "confirm": [
      {
        "when": { "pending": true },
        "text": "The lock of card •••• {card.last4} ({card.cardholder.name}) was accepted but is not applied yet; the card is still {card.status|lower}. Check again with get_card in a moment."
      },
      {
        "when": { "previousStatus": "LOCKED" },
        "text": "Card •••• {card.last4} ({card.cardholder.name}) was already locked; nothing changed."
      },
      { "text": "Locked card •••• {card.last4} ({card.cardholder.name}); it was {previousStatus|lower}." }
    ],
    "text": {},
    "view": "ui://views/write-confirmation.html"
  }),
  // tool: unlock_card
  entry(zGetCardInput, {
    "name": "unlock_card",
    "title": "Unlock a card",
    "description": "Unlocks a locked card so it can be used again. Identify the card by id, last 4 digits or cardholder name; if several cards match, nothing is changed and the candidates are listed. Cancelled cards cannot be unlocked. Confirms the card and its previous status.",
    "annotations": { "readOnlyHint": false, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:lock",
    "inputSchema": GetCardInput,
    "outputSchema": LockCardOutput,
    "accepts": {
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")"
    },
    "operationId": "toggleCardLock",
    "method": "patch",
    "path": "/api/v3/cards/{cardId}/lock",
    "args": {
      "card": { "in": "path", "name": "cardId" }
    },
    "fixed": [
      { "in": "body", "name": "lock", "value": false }
    ],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "await": {
      "status": 202,
      "operationId": "getCard",
      "args": { "cardId": "{cardId}" },
      "until": { "field": "status", "equals": "ACTIVE" },
      "into": "card",
      "flag": "pending",
      "timeoutMs": 6000,
      "intervalMs": 250
    },
    "confirm": [
      {
        "when": { "pending": true },
        "text": "The unlock of card •••• {card.last4} ({card.cardholder.name}) was accepted but is not applied yet; the card is still {card.status|lower}. Check again with get_card in a moment."
      },
      {
        "when": { "previousStatus": "ACTIVE" },
        "text": "Card •••• {card.last4} ({card.cardholder.name}) was already active; nothing changed."
      },
      {
        "text": "Unlocked card •••• {card.last4} ({card.cardholder.name}); it was {previousStatus|lower}."
      }
    ],
    "text": {},
    "view": "ui://views/write-confirmation.html"
  }),
  // tool: list_transactions
  entry(() => z.object({ "card": zCardArgument().optional(), "from": zDateOrDateTime().optional(), "to": zDateOrDateTime().optional(), "minAmount": zDecimalAmount().optional(), "maxAmount": zDecimalAmount().optional(), "status": zStatusArgument().optional(), "category": zCategory().optional(), "merchant": z.string().min(1).max(100).optional(), "period": zPeriodArgument().optional(), "limit": zLimitArgument().optional() }).strict(), {
    "name": "list_transactions",
    "title": "List transactions",
    "description": "Lists card transactions, newest first: merchant, category, amount (company currency, and the original currency when foreign), status, cardholder and card. Filter by period (a preset such as this_month or last_30_days, or from/to dates), card (id, last 4 digits or cardholder name), amount range (\"over 5,000\" is minAmount \"5000\"), status, category or merchant. Without a period, covers the current billing period. Returns the transactions and how many match in all.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "card": CardArgument,
        "from": FromArgument,
        "to": ToArgument,
        "minAmount": MinAmountArgument,
        "maxAmount": MaxAmountArgument,
        "status": {
          "description": "Only transactions in one of these statuses (repeat the parameter for several).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": TransactionStatus,
          "examples": [
            ["POSTED", "PENDING"]
          ]
        },
        "category": CategoryArgument,
        "merchant": MerchantArgument,
        "period": PeriodArgument,
        "limit": LimitArgument
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of transactions.",
      "properties": {
        "columns": {
          "type": "array",
          "description": "The item field each position of a row holds (dotted paths of the API's item).",
          "items": { "type": "string" },
          "const": [
            "authorizedAt",
            "merchant.name",
            "merchant.category",
            "amount.value",
            "amount.currency",
            "status",
            "cardholder.name",
            "card.last4"
          ]
        },
        "data": {
          "description": "The transactions on this page, newest first. One array per item, its values in the order of columns.",
          "type": "array",
          "items": {
            "type": "array",
            "description": "One item: the values of authorizedAt, merchant.name, merchant.category, amount.value, amount.currency, status, cardholder.name, card.last4, in that order.",
            "prefixItems": [
              { "description": "When the transaction was authorised.", "type": "string", "format": "date-time" },
              { "description": "The merchant's name as shown on the statement.", "type": "string" },
              {
                "description": "The merchant's spending category.",
                "type": "string",
                "enum": [
                  "TRAVEL",
                  "LODGING",
                  "FOOD",
                  "TRANSPORTATION",
                  "FUEL",
                  "SOFTWARE_AND_HARDWARE",
                  "OFFICE_SUPPLIES",
                  "MARKETING",
                  "PROFESSIONAL_SERVICES",
                  "UTILITIES",
                  "ENTERTAINMENT",
                  "OTHER"
                ]
              },
              {
                "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                "type": "string",
                "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                "examples": ["1234.50"]
              },
              {
                "description": "ISO 4217 currency code.",
                "type": "string",
                "pattern": "^[A-Z]{3}$",
                "examples": ["MXN"]
              },
              {
                "description": "PENDING (authorised, not yet settled), POSTED (settled), DECLINED (refused), REVERSED (cancelled or refunded after authorisation).",
                "type": "string",
                "enum": ["PENDING", "POSTED", "DECLINED", "REVERSED"]
              },
              { "description": "The cardholder's full name.", "type": "string" },
              { "description": "The last four digits of the card number.", "type": "string" }
            ],
            "minItems": 8,
            "maxItems": 8
          }
        },
        "totalItems": { "description": "How many transactions match the filters in all pages.", "type": "integer" },
        "returned": Returned,
        "hasMore": HasMore,
        "export": {
          "type": "object",
          "description": "Present when this answer does not hold every match: all of them as a CSV file, for a spreadsheet (the content's resource_link is the same file for resources/read).",
          "properties": {
            "download": {
              "type": "string",
              "description": "An HTTPS link that downloads the CSV file; it works until expiresAt, for the same user only."
            },
            "expiresAt": { "type": "string", "format": "date-time", "description": "When the download link stops working." },
            "count": {
              "type": ["integer", "null"],
              "description": "How many items the export holds, when the API says."
            }
          },
          "required": ["download", "expiresAt"]
        },
        "period": Period
      },
      "required": ["columns", "data", "totalItems", "returned", "hasMore"]
    },
    "accepts": {
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")",
      "from": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "to": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "minAmount": "a decimal amount such as \"5000\" or \"1234.50\"",
      "maxAmount": "a decimal amount such as \"5000\" or \"1234.50\"",
      "status": "a list of one or more of PENDING, POSTED, DECLINED or REVERSED",
      "status[]": "one of PENDING, POSTED, DECLINED or REVERSED",
      "category": "one of TRAVEL, LODGING, FOOD, TRANSPORTATION, FUEL, SOFTWARE_AND_HARDWARE, OFFICE_SUPPLIES, MARKETING, PROFESSIONAL_SERVICES, UTILITIES, ENTERTAINMENT or OTHER",
      "merchant": "text of 1 to 100 characters, such as \"uber\"",
      "period": "one of today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period or last_billing_period",
      "limit": "a whole number from 1 to 500"
    },
    "operationId": "listTransactions",
    "method": "get",
    "path": "/api/v3/transactions",
    "args": {
      "card": { "in": "query", "name": "cardId" },
      "from": { "in": "query", "name": "from" },
      "to": { "in": "query", "name": "to" },
      "minAmount": { "in": "query", "name": "minAmount" },
      "maxAmount": { "in": "query", "name": "maxAmount" },
      "status": { "in": "query", "name": "status" },
      "category": { "in": "query", "name": "category" },
      "merchant": { "in": "query", "name": "merchant" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "period": { "arg": "period", "from": "from", "to": "to", "default": "current_billing_period" },
    "pages": {
      "style": "page",
      "page": "page",
      "size": "size",
      "items": "data",
      "total": "totalItems",
      "pageSize": 100,
      "limit": { "default": 50, "max": 500 },
      "table": [
        "authorizedAt",
        "merchant.name",
        "merchant.category",
        "amount.value",
        "amount.currency",
        "status",
        "cardholder.name",
        "card.last4"
      ]
    },
    "confirm": [],
    "export": {
      "columns": [
        { "header": "Date", "field": "authorizedAt", "format": "date" },
        { "header": "Authorized at", "field": "authorizedAt", "format": "datetime" },
        { "header": "Posted at", "field": "postedAt", "format": "datetime" },
        { "header": "Merchant", "field": "merchant.name" },
        { "header": "Category", "field": "merchant.category", "format": "words" },
        { "header": "MCC", "field": "merchant.mcc" },
        { "header": "Merchant country", "field": "merchant.country" },
        { "header": "Amount", "field": "amount.value" },
        { "header": "Currency", "field": "amount.currency" },
        { "header": "Original amount", "field": "originalAmount.value" },
        { "header": "Original currency", "field": "originalAmount.currency" },
        { "header": "Status", "field": "status", "format": "words" },
        { "header": "Cardholder", "field": "cardholder.name" },
        { "header": "Card last 4", "field": "card.last4" },
        { "header": "Card ID", "field": "card.id" },
        { "header": "Transaction ID", "field": "id" }
      ],
      "filename": "transactions",
      "pageSize": 100
    },
    "text": {
      "heading": "{returned} of {totalItems|plural:transaction}",
      "items": "data",
      "item": "{authorizedAt|date} · {merchant.name} · {amount|money} · {status} · {merchant.category|words} · {cardholder.name} •••• {card.last4}"
    }
  }),
  // tool: summarize_spending
  entry(() => z.object({ "groupBy": z.enum(["category","cardholder","merchant","card","day","month"]), "limit": z.number().int().gte(1).lte(1000).optional(), "card": zCardArgument().optional(), "from": zDateOrDateTime().optional(), "to": zDateOrDateTime().optional(), "minAmount": zDecimalAmount().optional(), "maxAmount": zDecimalAmount().optional(), "status": zStatusArgument().optional(), "category": zCategory().optional(), "merchant": z.string().min(1).max(100).optional(), "period": zPeriodArgument().optional() }).strict(), {
    "name": "summarize_spending",
    "title": "Summarize spending",
    "description": "Totals spending grouped by category, cardholder, merchant (vendor), card, day or month, largest first, with each group's transaction count and total. Use it for \"top spending categories last month\" or \"top 5 vendors this quarter\" (groupBy merchant, limit 5). By default counts posted and pending transactions, the spending (not declined or reversed ones, which list_transactions also lists); status with all four statuses counts every transaction. The answer says which statuses it counted. Without a period, covers the current billing period.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "groupBy": {
          "description": "How to group the transactions.",
          "type": "string",
          "enum": ["category", "cardholder", "merchant", "card", "day", "month"],
          "examples": ["category"]
        },
        "limit": {
          "description": "Return only the top N groups (totals still cover everything).",
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "examples": [5]
        },
        "card": CardArgument,
        "from": FromArgument,
        "to": ToArgument,
        "minAmount": MinAmountArgument,
        "maxAmount": MaxAmountArgument,
        "status": {
          "description": "Which statuses to count: POSTED and PENDING unless given (what was spent); [PENDING, POSTED, DECLINED, REVERSED] counts every transaction, as list_transactions lists them.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": TransactionStatus,
          "default": ["POSTED", "PENDING"],
          "examples": [
            ["POSTED", "PENDING"]
          ]
        },
        "category": CategoryArgument,
        "merchant": MerchantArgument,
        "period": PeriodArgument
      },
      "required": ["groupBy"],
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "Transactions grouped, with counts and totals.",
      "type": "object",
      "properties": {
        "from": { "description": "Start of the period summarised", "type": "string" },
        "to": { "description": "End of the period summarised", "type": "string" },
        "timeZone": { "description": "The time zone dates are read in (the company's).", "type": "string" },
        "statuses": {
          "description": "The statuses counted, in the order asked for; every status when `status` was not given.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": TransactionStatus
        },
        "groupBy": {
          "description": "How the transactions were grouped.",
          "type": "string",
          "enum": ["category", "cardholder", "merchant", "card", "day", "month"]
        },
        "groups": {
          "description": "The groups, largest total first.",
          "type": "array",
          "items": {
            "description": "One group of transactions.",
            "type": "object",
            "properties": {
              "key": {
                "description": "The group's key: a category, cardholder id, merchant name, card id, date (YYYY-MM-DD) or month (YYYY-MM).",
                "type": "string"
              },
              "label": { "description": "The group's name for people.", "type": "string" },
              "count": { "description": "How many transactions are in the group.", "type": "integer", "minimum": 1 },
              "total": Money
            },
            "required": ["key", "label", "count", "total"]
          }
        },
        "totals": {
          "description": "Every matching transaction, whatever `limit` returned.",
          "type": "object",
          "properties": {
            "count": { "description": "How many transactions match.", "type": "integer", "minimum": 0 },
            "total": Money
          },
          "required": ["count", "total"]
        },
        "period": Period
      },
      "required": ["from", "to", "timeZone", "statuses", "groupBy", "groups", "totals"]
    },
    "accepts": {
      "groupBy": "one of category, cardholder, merchant, card, day or month",
      "limit": "a whole number from 1 to 1000",
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")",
      "from": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "to": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "minAmount": "a decimal amount such as \"5000\" or \"1234.50\"",
      "maxAmount": "a decimal amount such as \"5000\" or \"1234.50\"",
      "status": "a list of one or more of PENDING, POSTED, DECLINED or REVERSED",
      "status[]": "one of PENDING, POSTED, DECLINED or REVERSED",
      "category": "one of TRAVEL, LODGING, FOOD, TRANSPORTATION, FUEL, SOFTWARE_AND_HARDWARE, OFFICE_SUPPLIES, MARKETING, PROFESSIONAL_SERVICES, UTILITIES, ENTERTAINMENT or OTHER",
      "merchant": "text of 1 to 100 characters, such as \"uber\"",
      "period": "one of today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period or last_billing_period"
    },
    "operationId": "summarizeTransactions",
    "method": "get",
    "path": "/api/v3/transactions/summary",
    "args": {
      "groupBy": { "in": "query", "name": "groupBy" },
      "limit": { "in": "query", "name": "limit" },
      "card": { "in": "query", "name": "cardId" },
      "from": { "in": "query", "name": "from" },
      "to": { "in": "query", "name": "to" },
      "minAmount": { "in": "query", "name": "minAmount" },
      "maxAmount": { "in": "query", "name": "maxAmount" },
      "status": { "in": "query", "name": "status", "default": ["POSTED", "PENDING"] },
      "category": { "in": "query", "name": "category" },
      "merchant": { "in": "query", "name": "merchant" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "period": { "arg": "period", "from": "from", "to": "to", "default": "current_billing_period" },
    "confirm": [],
    "text": [
      {
        "when": { "statuses": ["POSTED", "PENDING"] },
        "heading": "Spending by {groupBy}: {totals.count|plural:transaction}, {totals.total|money}, counting posted and pending transactions (not declined or reversed ones)",
        "items": "groups",
        "item": "{label}: {total|money} ({count|plural:transaction})"
      },
      {
        "when": { "statuses": ["PENDING", "POSTED", "DECLINED", "REVERSED"] },
        "heading": "Spending by {groupBy}: {totals.count|plural:transaction}, {totals.total|money}, counting transactions of every status",
        "items": "groups",
        "item": "{label}: {total|money} ({count|plural:transaction})"
      },
      {
        "heading": "Spending by {groupBy}: {totals.count|plural:transaction}, {totals.total|money}, counting {statuses|words} transactions only",
        "items": "groups",
        "item": "{label}: {total|money} ({count|plural:transaction})"
      }
    ],
    "view": "ui://views/spending-chart.html"
  }),
  // tool: list_expenses
  entry(() => z.object({ "submitter": z.string().min(1).max(100).optional(), "status": z.array(z.enum(["DRAFT","SUBMITTED","APPROVED","REJECTED","REIMBURSED"])).min(1).refine((arr) => arr.every((item, i) => arr.indexOf(item) == i), "All items must be unique!").optional(), "from": zDateOrDateTime().optional(), "to": zDateOrDateTime().optional(), "category": zCategory().optional(), "missingReceipt": z.boolean().optional(), "policyViolation": z.boolean().optional(), "period": zPeriodArgument().optional(), "limit": zLimitArgument().optional() }).strict(), {
    "name": "list_expenses",
    "title": "List expense reports",
    "description": "Lists expense reports, newest first: title, submitter, status (DRAFT, SUBMITTED, APPROVED, REJECTED, REIMBURSED), total, how many lines lack a receipt and which policy rules they break. Filter by submitter name, status (\"reports waiting for approval\" is status SUBMITTED), period of creation (a preset such as last_month, or from/to dates), category, missing receipts (\"reports without receipts\" is missingReceipt true) or policy violations. Without a period, covers every report. Returns the reports and how many match in all; use get_expense for the lines.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "expenses:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "submitter": {
          "description": "Only reports submitted by someone whose name contains this text. Case and accents are\nignored: `luis perez` finds `Luis Pérez`.",
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "examples": ["luis perez"]
        },
        "status": {
          "description": "Only reports in one of these statuses (repeat the parameter for several).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": ExpenseStatus,
          "examples": [
            ["SUBMITTED"]
          ]
        },
        "from": FromArgument,
        "to": ToArgument,
        "category": { ...Category, "description": "Only reports with at least one line in this category.", "examples": ["LODGING"] },
        "missingReceipt": {
          "description": "true for reports with at least one line that has no receipt; false for reports whose every line has one.",
          "type": "boolean",
          "examples": [true]
        },
        "policyViolation": {
          "description": "true for reports with at least one policy flag; false for reports with none.",
          "type": "boolean",
          "examples": [true]
        },
        "period": PeriodArgument2,
        "limit": LimitArgument
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of expense reports.",
      "properties": {
        "data": {
          "description": "The reports on this page, newest first.",
          "type": "array",
          "items": {
            "description": "An expense report without its lines.",
            "type": "object",
            "properties": {
              "id": ExpenseId,
              "title": { "description": "The report's title", "type": "string" },
              "submitter": Submitter,
              "status": ExpenseStatus,
              "total": Total,
              "lineCount": LineCount,
              "missingReceipts": MissingReceipts,
              "policyFlags": PolicyFlags,
              "createdAt": CreatedAt,
              "submittedAt": SubmittedAt
            },
            "required": [
              "id",
              "title",
              "submitter",
              "status",
              "total",
              "lineCount",
              "missingReceipts",
              "policyFlags",
              "createdAt",
              "submittedAt"
            ]
          }
        },
        "totalItems": { "description": "How many reports match the filters in all pages.", "type": "integer" },
        "returned": Returned,
        "hasMore": HasMore,
        "period": Period
      },
      "required": ["data", "totalItems", "returned", "hasMore"]
    },
    "accepts": {
      "submitter": "text of 1 to 100 characters, such as \"luis perez\"",
      "status": "a list of one or more of DRAFT, SUBMITTED, APPROVED, REJECTED or REIMBURSED",
      "status[]": "one of DRAFT, SUBMITTED, APPROVED, REJECTED or REIMBURSED",
      "from": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "to": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "category": "one of TRAVEL, LODGING, FOOD, TRANSPORTATION, FUEL, SOFTWARE_AND_HARDWARE, OFFICE_SUPPLIES, MARKETING, PROFESSIONAL_SERVICES, UTILITIES, ENTERTAINMENT or OTHER",
      "missingReceipt": "true or false",
      "policyViolation": "true or false",
      "period": "one of today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period or last_billing_period",
      "limit": "a whole number from 1 to 500"
    },
    "operationId": "listExpenses",
    "method": "get",
    "path": "/api/v3/expenses",
    "args": {
      "submitter": { "in": "query", "name": "submitter" },
      "status": { "in": "query", "name": "status" },
      "from": { "in": "query", "name": "from" },
      "to": { "in": "query", "name": "to" },
      "category": { "in": "query", "name": "category" },
      "missingReceipt": { "in": "query", "name": "missingReceipt" },
      "policyViolation": { "in": "query", "name": "policyViolation" }
    },
    "fixed": [],
    "resolve": [],
    "period": { "arg": "period", "from": "from", "to": "to" },
    "pages": {
      "style": "page",
      "page": "page",
      "size": "size",
      "items": "data",
      "total": "totalItems",
      "pageSize": 100,
      "limit": { "default": 50, "max": 500 }
    },
    "confirm": [],
    "text": {
      "heading": "{returned} of {totalItems|plural:expense report}",
      "items": "data",
      "item": [
        {
          "when": { "policyFlags": [] },
          "text": "{createdAt|date} · {title} · {submitter.name} · {status} · {total|money} · {lineCount|plural:line}, {missingReceipts} without receipt · no policy flags · {id}"
        },
        {
          "text": "{createdAt|date} · {title} · {submitter.name} · {status} · {total|money} · {lineCount|plural:line}, {missingReceipts} without receipt · policy flags: {policyFlags|words} · {id}"
        }
      ]
    }
  }),
  // tool: get_expense
  entry(() => z.object({ "expenseId": z.string().regex(new RegExp("^exp_[A-Za-z0-9]{4,32}$")) }).strict(), {
    "name": "get_expense",
    "title": "Get an expense report",
    "description": "Returns one expense report by its id (exp_…): submitter, status, total, every line (date, merchant, category, amount, paid by card or out of pocket, the card transaction, the receipt), the receipts, each policy rule broken with an explanation, and its approval request and reimbursement.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "expenses:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "expenseId": { ...ExpenseId, "description": "The expense report's id." }
      },
      "required": ["expenseId"],
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "An expense report with its lines, receipts, policy flags, approval and reimbursement.",
      "type": "object",
      "properties": {
        "id": ExpenseId,
        "title": { "description": "The report's title", "type": "string" },
        "submitter": Submitter,
        "status": ExpenseStatus,
        "total": Total,
        "lineCount": LineCount,
        "missingReceipts": MissingReceipts,
        "policyFlags": PolicyFlags,
        "createdAt": CreatedAt,
        "submittedAt": SubmittedAt,
        "lines": {
          "description": "The report's lines, oldest first.",
          "type": "array",
          "items": {
            "description": "One purchase in an expense report.",
            "type": "object",
            "properties": {
              "id": { "description": "The line's id.", "type": "string" },
              "date": {
                "description": "The day of the purchase, in the company's time zone.",
                "type": "string",
                "format": "date"
              },
              "description": { "description": "What the purchase was for", "type": "string" },
              "merchant": { "description": "Where it was bought.", "type": "string" },
              "category": Category,
              "amount": { ...Money, "description": "The amount, in the company's currency." },
              "paymentMethod": {
                "description": "CARD (paid with the submitter's corporate card; the line is that transaction) or OUT_OF_POCKET (paid by the employee, who is reimbursed).",
                "type": "string",
                "enum": ["CARD", "OUT_OF_POCKET"]
              },
              "transaction": {
                "description": "The card transaction this line is (CARD lines); null for out-of-pocket lines.",
                "anyOf": [
                  {
                    "description": "A card transaction, by id, with the card used.",
                    "type": "object",
                    "properties": {
                      "id": { "description": "The transaction's id.", "type": "string" },
                      "card": {
                        "description": "The card used.",
                        "type": "object",
                        "properties": {
                          "id": CardId,
                          "last4": { "description": "The last four digits of the card number.", "type": "string" }
                        },
                        "required": ["id", "last4"]
                      }
                    },
                    "required": ["id", "card"]
                  },
                  { "type": "null" }
                ]
              },
              "receiptId": {
                "description": "The id of the line's receipt (see receipts); null when it has none.",
                "type": ["string", "null"]
              },
              "policyFlags": {
                "description": "The policy rules this line breaks (empty when none).",
                "type": "array",
                "uniqueItems": true,
                "items": PolicyFlag
              }
            },
            "required": [
              "id",
              "date",
              "description",
              "merchant",
              "category",
              "amount",
              "paymentMethod",
              "transaction",
              "receiptId",
              "policyFlags"
            ]
          }
        },
        "receipts": {
          "description": "The receipts attached to the report's lines.",
          "type": "array",
          "items": {
            "description": "A receipt attached to an expense line.",
            "type": "object",
            "properties": {
              "id": { "description": "The receipt's id.", "type": "string" },
              "lineId": { "description": "The line it belongs to.", "type": "string" },
              "fileName": { "description": "The file's name as uploaded.", "type": "string" },
              "contentType": {
                "description": "The file's media type.",
                "type": "string",
                "enum": ["application/pdf", "image/jpeg", "image/png"]
              },
              "uploadedAt": { "description": "When it was uploaded.", "type": "string", "format": "date-time" }
            },
            "required": ["id", "lineId", "fileName", "contentType", "uploadedAt"]
          }
        },
        "policyViolations": {
          "description": "Every policy rule broken, line by line, with an explanation.",
          "type": "array",
          "items": {
            "description": "One policy rule broken by one line.",
            "type": "object",
            "properties": {
              "code": PolicyFlag,
              "message": { "description": "What is wrong", "type": "string" },
              "lineId": { "description": "The line that breaks the rule.", "type": "string" }
            },
            "required": ["code", "message", "lineId"]
          }
        },
        "approvalRequest": {
          "description": "The approval request made when the report was submitted; null for a draft.",
          "anyOf": [
            {
              "description": "An approval request, by id, with its status.",
              "type": "object",
              "properties": { "id": ApprovalId, "status": ApprovalStatus },
              "required": ["id", "status"]
            },
            { "type": "null" }
          ]
        },
        "reimbursement": {
          "description": "The reimbursement of its out-of-pocket lines, once the report is approved; null otherwise.",
          "anyOf": [
            {
              "description": "A reimbursement, by id, with its status and amount.",
              "type": "object",
              "properties": {
                "id": ReimbursementId,
                "status": ReimbursementStatus,
                "amount": { ...Money, "description": "What is paid back." }
              },
              "required": ["id", "status", "amount"]
            },
            { "type": "null" }
          ]
        }
      },
      "required": [
        "id",
        "title",
        "submitter",
        "status",
        "total",
        "lineCount",
        "missingReceipts",
        "policyFlags",
        "createdAt",
        "submittedAt",
        "lines",
        "receipts",
        "policyViolations",
        "approvalRequest",
        "reimbursement"
      ]
    },
    "accepts": { "expenseId": "an id such as \"exp_4Tz9Qa2M\"" },
    "operationId": "getExpense",
    "method": "get",
    "path": "/api/v3/expenses/{expenseId}",
    "args": {
      "expenseId": { "in": "path", "name": "expenseId" }
    },
    "fixed": [],
    "resolve": [],
    "confirm": [],
    "text": [
      {
        "when": { "approvalRequest": null, "policyFlags": [] },
        "heading": "Expense report \"{title}\" ({id}) by {submitter.name}: {status}, {total|money}, {lineCount|plural:line}, {missingReceipts} without receipt, no policy flags; not submitted for approval yet",
        "items": "lines",
        "item": [
          {
            "when": { "transaction": null, "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt"
          },
          {
            "when": { "transaction": null, "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "transaction": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId}"
          },
          {
            "when": { "transaction": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId} · policy flags: {policyFlags|words}"
          },
          {
            "when": { "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt"
          },
          {
            "when": { "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId}"
          },
          {
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId} · policy flags: {policyFlags|words}"
          }
        ]
      },
      {
        "when": { "approvalRequest": null },
        "heading": "Expense report \"{title}\" ({id}) by {submitter.name}: {status}, {total|money}, {lineCount|plural:line}, {missingReceipts} without receipt, policy flags: {policyFlags|words}; not submitted for approval yet",
        "items": "lines",
        "item": [
          {
            "when": { "transaction": null, "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt"
          },
          {
            "when": { "transaction": null, "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "transaction": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId}"
          },
          {
            "when": { "transaction": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId} · policy flags: {policyFlags|words}"
          },
          {
            "when": { "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt"
          },
          {
            "when": { "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId}"
          },
          {
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId} · policy flags: {policyFlags|words}"
          }
        ]
      },
      {
        "when": { "reimbursement": null, "policyFlags": [] },
        "heading": "Expense report \"{title}\" ({id}) by {submitter.name}: {status}, {total|money}, {lineCount|plural:line}, {missingReceipts} without receipt, no policy flags; approval {approvalRequest.id} {approvalRequest.status}, no reimbursement",
        "items": "lines",
        "item": [
          {
            "when": { "transaction": null, "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt"
          },
          {
            "when": { "transaction": null, "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "transaction": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId}"
          },
          {
            "when": { "transaction": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId} · policy flags: {policyFlags|words}"
          },
          {
            "when": { "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt"
          },
          {
            "when": { "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId}"
          },
          {
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId} · policy flags: {policyFlags|words}"
          }
        ]
      },
      {
        "when": { "reimbursement": null },
        "heading": "Expense report \"{title}\" ({id}) by {submitter.name}: {status}, {total|money}, {lineCount|plural:line}, {missingReceipts} without receipt, policy flags: {policyFlags|words}; approval {approvalRequest.id} {approvalRequest.status}, no reimbursement",
        "items": "lines",
        "item": [
          {
            "when": { "transaction": null, "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt"
          },
          {
            "when": { "transaction": null, "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "transaction": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId}"
          },
          {
            "when": { "transaction": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId} · policy flags: {policyFlags|words}"
          },
          {
            "when": { "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt"
          },
          {
            "when": { "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId}"
          },
          {
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId} · policy flags: {policyFlags|words}"
          }
        ]
      },
      {
        "when": { "policyFlags": [] },
        "heading": "Expense report \"{title}\" ({id}) by {submitter.name}: {status}, {total|money}, {lineCount|plural:line}, {missingReceipts} without receipt, no policy flags; approval {approvalRequest.id} {approvalRequest.status}, reimbursement {reimbursement.id} {reimbursement.status}",
        "items": "lines",
        "item": [
          {
            "when": { "transaction": null, "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt"
          },
          {
            "when": { "transaction": null, "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "transaction": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId}"
          },
          {
            "when": { "transaction": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId} · policy flags: {policyFlags|words}"
          },
          {
            "when": { "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt"
          },
          {
            "when": { "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId}"
          },
          {
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId} · policy flags: {policyFlags|words}"
          }
        ]
      },
      {
        "heading": "Expense report \"{title}\" ({id}) by {submitter.name}: {status}, {total|money}, {lineCount|plural:line}, {missingReceipts} without receipt, policy flags: {policyFlags|words}; approval {approvalRequest.id} {approvalRequest.status}, reimbursement {reimbursement.id} {reimbursement.status}",
        "items": "lines",
        "item": [
          {
            "when": { "transaction": null, "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt"
          },
          {
            "when": { "transaction": null, "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "transaction": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId}"
          },
          {
            "when": { "transaction": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · receipt {receiptId} · policy flags: {policyFlags|words}"
          },
          {
            "when": { "receiptId": null, "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt"
          },
          {
            "when": { "receiptId": null },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · no receipt · policy flags: {policyFlags|words}"
          },
          {
            "when": { "policyFlags": [] },
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId}"
          },
          {
            "text": "{date} · {merchant} · {description} · {category|words} · {amount|money} · {paymentMethod|words} · transaction {transaction.id} · receipt {receiptId} · policy flags: {policyFlags|words}"
          }
        ]
      }
    ]
  }),
  // tool: list_reimbursements
  entry(() => z.object({ "status": z.array(z.enum(["PENDING","PAID","FAILED"])).min(1).refine((arr) => arr.every((item, i) => arr.indexOf(item) == i), "All items must be unique!").optional(), "from": zDateOrDateTime().optional(), "to": zDateOrDateTime().optional(), "employee": z.string().min(1).max(100).optional(), "period": zPeriodArgument().optional(), "limit": zLimitArgument().optional() }).strict(), {
    "name": "list_reimbursements",
    "title": "List reimbursements",
    "description": "Lists the payments that give employees back what they paid out of pocket for approved expense reports, newest first: employee, expense report, amount, status (PENDING, PAID, FAILED) and when it was paid. Filter by status (\"reimbursements still to pay\" is status PENDING), employee name, or period (a preset such as this_month, or from/to dates) of when the reimbursement was created. Without a period, covers every reimbursement. Returns the reimbursements and how many match in all.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "expenses:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "status": {
          "description": "Only reimbursements in one of these statuses (repeat the parameter for several).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": ReimbursementStatus,
          "examples": [
            ["PENDING"]
          ]
        },
        "from": FromArgument,
        "to": ToArgument,
        "employee": {
          "description": "Only reimbursements of an employee whose name contains this text (case and accents are ignored, \"luis perez\" finds \"Luis Pérez\").",
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "examples": ["luis perez"]
        },
        "period": PeriodArgument2,
        "limit": LimitArgument
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of reimbursements.",
      "properties": {
        "data": {
          "description": "The reimbursements on this page, newest first.",
          "type": "array",
          "items": {
            "description": "Money paid back to an employee for the out-of-pocket lines of an approved expense report.",
            "type": "object",
            "properties": {
              "id": ReimbursementId,
              "employee": { ...Cardholder, "description": "Who is paid back." },
              "expense": {
                "description": "The expense report it pays back.",
                "type": "object",
                "properties": {
                  "id": ExpenseId,
                  "title": { "description": "The report's title.", "type": "string" }
                },
                "required": ["id", "title"]
              },
              "amount": { ...Money, "description": "What is paid back (the report's out-of-pocket lines), in the company's currency." },
              "status": ReimbursementStatus,
              "createdAt": {
                "description": "When it was created (when the report was approved).",
                "type": "string",
                "format": "date-time"
              },
              "paidAt": {
                "description": "When the transfer was made; null unless PAID.",
                "type": ["string", "null"],
                "format": "date-time"
              },
              "bankAccount": {
                "description": "The employee's bank account it is paid to.",
                "type": "object",
                "properties": {
                  "bank": { "description": "The bank's name.", "type": "string" },
                  "last4": {
                    "description": "The last four digits of the account number.",
                    "type": "string",
                    "pattern": "^[0-9]{4}$"
                  }
                },
                "required": ["bank", "last4"]
              },
              "failureReason": { "description": "Why the transfer was returned; null unless FAILED.", "type": ["string", "null"] }
            },
            "required": [
              "id",
              "employee",
              "expense",
              "amount",
              "status",
              "createdAt",
              "paidAt",
              "bankAccount",
              "failureReason"
            ]
          }
        },
        "totalItems": { "description": "How many reimbursements match the filters in all pages.", "type": "integer" },
        "returned": Returned,
        "hasMore": HasMore,
        "period": Period
      },
      "required": ["data", "totalItems", "returned", "hasMore"]
    },
    "accepts": {
      "status": "a list of one or more of PENDING, PAID or FAILED",
      "status[]": "one of PENDING, PAID or FAILED",
      "from": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "to": "a date such as \"2026-11-30\", or a date and time such as \"2026-11-30T09:00:00-06:00\"",
      "employee": "text of 1 to 100 characters, such as \"luis perez\"",
      "period": "one of today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period or last_billing_period",
      "limit": "a whole number from 1 to 500"
    },
    "operationId": "listReimbursements",
    "method": "get",
    "path": "/api/v3/reimbursements",
    "args": {
      "status": { "in": "query", "name": "status" },
      "from": { "in": "query", "name": "from" },
      "to": { "in": "query", "name": "to" },
      "employee": { "in": "query", "name": "employee" }
    },
    "fixed": [],
    "resolve": [],
    "period": { "arg": "period", "from": "from", "to": "to" },
    "pages": {
      "style": "page",
      "page": "page",
      "size": "size",
      "items": "data",
      "total": "totalItems",
      "pageSize": 100,
      "limit": { "default": 50, "max": 500 }
    },
    "confirm": [],
    "text": {
      "heading": "{returned} of {totalItems|plural:reimbursement}",
      "items": "data",
      "item": [
        {
          "when": { "status": "FAILED" },
          "text": "{createdAt|date} · {employee.name} · {amount|money} · {status} · returned: {failureReason} · for \"{expense.title}\" ({expense.id}) · {id}"
        },
        {
          "when": { "paidAt": null },
          "text": "{createdAt|date} · {employee.name} · {amount|money} · {status} · not paid yet · for \"{expense.title}\" ({expense.id}) · {id}"
        },
        {
          "text": "{createdAt|date} · {employee.name} · {amount|money} · {status} · paid {paidAt|date} · for \"{expense.title}\" ({expense.id}) · {id}"
        }
      ]
    }
  }),
  // tool: get_card_limit
  entry(zGetCardInput, {
    "name": "get_card_limit",
    "title": "Get a card's limit",
    "description": "Returns a card's spending limit (amount and period: daily, monthly or per transaction), what was spent in the current limit period, what is still available, and the limit increase its cardholder asked for if one waits for approval. Identify the card by id, last 4 digits or cardholder name.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "cards:read",
    "inputSchema": GetCardInput,
    "outputSchema": {
      "description": "A card's spending limit and how much of it is left.",
      "type": "object",
      "properties": {
        "card": Card,
        "limit": { ...SpendingLimit, "description": "The card's spending limit now." },
        "spentThisPeriod": { ...Money, "description": "Posted and pending spending in the current limit period (today for a daily limit, the current billing period otherwise)." },
        "available": { ...Money, "description": "What may still be spent in the current period (never below zero); for a per-transaction limit, the most one purchase may be." },
        "pendingIncrease": {
          "description": "The limit increase the cardholder asked for and that waits for approval; null when there is none.",
          "anyOf": [
            {
              "description": "A limit increase waiting for approval.",
              "type": "object",
              "properties": {
                "approvalId": ApprovalId,
                "requested": Requested,
                "requestedAt": { "description": "When it was asked for.", "type": "string", "format": "date-time" }
              },
              "required": ["approvalId", "requested", "requestedAt"]
            },
            { "type": "null" }
          ]
        }
      },
      "required": ["card", "limit", "spentThisPeriod", "available", "pendingIncrease"]
    },
    "accepts": {
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")"
    },
    "operationId": "getCardLimit",
    "method": "get",
    "path": "/api/v3/cards/{cardId}/limit",
    "args": {
      "card": { "in": "path", "name": "cardId" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "confirm": [],
    "text": [
      {
        "when": { "pendingIncrease": null },
        "one": "•••• {card.last4} ({card.cardholder.name}): limit {limit.amount|money} {limit.period|words}, spent {spentThisPeriod|money}, available {available|money}; no increase waiting for approval"
      },
      {
        "one": "•••• {card.last4} ({card.cardholder.name}): limit {limit.amount|money} {limit.period|words}, spent {spentThisPeriod|money}, available {available|money}; increase to {pendingIncrease.requested.amount|money} {pendingIncrease.requested.period|words} waiting for approval ({pendingIncrease.approvalId})"
      }
    ]
  }),
  // tool: update_card_limit
  entry(() => z.object({ "card": zCardArgument(), "amount": zDecimalAmount(), "period": z.enum(["DAILY","MONTHLY","PER_TRANSACTION"]).optional(), "confirmation": zConfirmationArgument().optional() }).strict(), {
    "name": "update_card_limit",
    "title": "Change a card's limit",
    "description": "Sets a card's spending limit to an amount in the company's currency (for example \"35000\"), and optionally a new period (DAILY, MONTHLY or PER_TRANSACTION; the current one is kept otherwise). Identify the card by id, last 4 digits or cardholder name; if several cards match, nothing is changed and the candidates are listed. Cancelled cards cannot be changed. Confirms the limit before and after. Administrators only.",
    "annotations": { "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR"],
    "scope": "limits:write",
    "inputSchema": {
      "type": "object",
      "properties": {
        "card": CardArgument,
        "amount": { ...DecimalAmount, "description": "The new limit in the company's currency, more than zero, as a decimal string without thousands separators, e.g. \"35000\" or \"35000.50\".", "examples": ["5000", "1234.50", "35000"] },
        "period": { ...LimitPeriod, "description": "The period the new limit applies to; the card's current period is kept when absent." },
        "confirmation": ConfirmationArgument
      },
      "required": ["card", "amount"],
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "A change of a card's spending limit, with the limit before and after.",
      "type": "object",
      "properties": {
        "card": { ...Card, "description": "The card after the change." },
        "before": { ...SpendingLimit, "description": "The limit before the change." },
        "after": { ...SpendingLimit, "description": "The limit after the change." },
        "changed": {
          "description": "Which parts of the limit changed; both false when the card already had this limit.",
          "type": "object",
          "properties": {
            "amount": { "description": "Whether the amount changed.", "type": "boolean" },
            "period": { "description": "Whether the period changed.", "type": "boolean" }
          },
          "required": ["amount", "period"]
        },
        "changedAt": ChangedAt
      },
      "required": ["card", "before", "after", "changed", "changedAt"]
    },
    "accepts": {
      "card": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")",
      "amount": "a decimal amount such as \"5000\" or \"1234.50\"",
      "period": "one of DAILY, MONTHLY or PER_TRANSACTION",
      "confirmation": "text of 1 to 4096 characters"
    },
    "operationId": "updateCardLimit",
    "method": "patch",
    "path": "/api/v3/cards/{cardId}/limit",
    "args": {
      "card": { "in": "path", "name": "cardId" },
      "amount": { "in": "body", "name": "amount" },
      "period": { "in": "body", "name": "period" }
    },
    "fixed": [],
    "resolve": [
      {
        "arg": "card",
        "param": "cardId",
        "resolver": {
          "noun": "card",
          "operationId": "listCards",
          "value": "id",
          "label": "{cardholder.name} •••• {last4} ({status})",
          "name": "cardholder.name",
          "by": [
            { "pattern": "^card_[A-Za-z0-9]{4,32}$", "passthrough": true },
            { "pattern": "^[^0-9A-Za-z]*([0-9]{4})$", "query": "last4", "field": "last4", "match": "exact" },
            { "query": "cardholder", "field": "cardholder.name", "match": "words" }
          ],
          "items": "data",
          "pageSize": { "param": "size", "value": 100 }
        }
      }
    ],
    "confirm": [
      {
        "when": { "changed.amount": false, "changed.period": false },
        "text": "The limit for •••• {card.last4} ({card.cardholder.name}) was already {after.amount|money} {after.period|words}; nothing changed."
      },
      {
        "when": { "changed.period": false },
        "text": "Limit for •••• {card.last4} ({card.cardholder.name}) changed from {before.amount|money} to {after.amount|money} {after.period|words}."
      },
      {
        "text": "Limit for •••• {card.last4} ({card.cardholder.name}) changed from {before.amount|money} {before.period|words} to {after.amount|money} {after.period|words}."
      }
    ],
    "ask": {
      "read": {
        "operationId": "getCardLimit",
        "args": { "cardId": "{cardId}" }
      },
      "preview": [
        {
          "when": { "args.period": null },
          "text": "Change the limit of •••• {current.card.last4} ({current.card.cardholder.name}) from {current.limit.amount|money} {current.limit.period|words} to {args.amount|money:current.limit.amount.currency} {current.limit.period|words}?"
        },
        {
          "text": "Change the limit of •••• {current.card.last4} ({current.card.cardholder.name}) from {current.limit.amount|money} {current.limit.period|words} to {args.amount|money:current.limit.amount.currency} {args.period|words}?"
        }
      ],
      "unconfirmed": "refuse",
      "argument": "confirmation"
    },
    "text": {},
    "view": "ui://views/write-confirmation.html"
  }),
  // tool: list_pending_approvals
  entry(() => z.object({ "type": z.enum(["EXPENSE_REPORT","LIMIT_INCREASE"]).optional(), "limit": zLimitArgument().optional() }).strict(), {
    "name": "list_pending_approvals",
    "title": "List pending approvals",
    "description": "Lists the requests waiting for an administrator's decision, oldest first: submitted expense reports (EXPENSE_REPORT) and cardholders' requests for a higher card limit (LIMIT_INCREASE), with who asked, when, what for and the amount (the report's total, or the limit asked for). Filter by type. Returns the requests and how many wait in all; decide with approve_request or reject_request.",
    "annotations": { "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR", "BOOKKEEPER"],
    "scope": "expenses:read",
    "inputSchema": {
      "type": "object",
      "properties": {
        "type": { ...ApprovalType, "description": "Only requests of this type.", "examples": ["LIMIT_INCREASE"] },
        "limit": LimitArgument
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of approval requests.",
      "properties": {
        "data": {
          "description": "The requests on this page, oldest first.",
          "type": "array",
          "items": ApprovalRequest
        },
        "totalItems": { "description": "How many requests match the filters in all pages.", "type": "integer" },
        "returned": Returned,
        "hasMore": HasMore
      },
      "required": ["data", "totalItems", "returned", "hasMore"]
    },
    "accepts": { "type": "EXPENSE_REPORT or LIMIT_INCREASE", "limit": "a whole number from 1 to 500" },
    "operationId": "listApprovalRequests",
    "method": "get",
    "path": "/api/v3/approvals",
    "args": {
      "type": { "in": "query", "name": "type" }
    },
    "fixed": [
      { "in": "query", "name": "status", "value": "PENDING" }
    ],
    "resolve": [],
    "pages": {
      "style": "page",
      "page": "page",
      "size": "size",
      "items": "data",
      "total": "totalItems",
      "pageSize": 100,
      "limit": { "default": 50, "max": 500 }
    },
    "confirm": [],
    "text": {
      "heading": "{returned} of {totalItems|plural:pending approval request}",
      "items": "data",
      "item": "{requestedAt|date} · {type|words} · {requestedBy.name} · \"{description}\" · {amount|money} · {id}"
    }
  }),
  // tool: approve_request
  entry(() => z.object({ "approvalId": z.string().regex(new RegExp("^apr_[A-Za-z0-9]{4,32}$")), "comment": z.string().min(1).max(500).optional(), "confirmation": zConfirmationArgument().optional() }).strict(), {
    "name": "approve_request",
    "title": "Approve a request",
    "description": "Approves a pending approval request by its id (apr_…, from list_pending_approvals), with an optional comment for the requester. Approving an expense report schedules the reimbursement of its out-of-pocket lines; approving a limit increase sets the card's limit to what was asked. Approving a request that is already approved changes nothing and says so; a rejected request cannot be approved. Confirms the request's status before and after. Administrators only.",
    "annotations": { "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR"],
    "scope": "approvals:write",
    "inputSchema": {
      "type": "object",
      "properties": {
        "approvalId": ApprovalIdArgument,
        "comment": {
          "description": "A comment for the requester.",
          "type": "string",
          "minLength": 1,
          "maxLength": 500
        },
        "confirmation": ConfirmationArgument
      },
      "required": ["approvalId"],
      "additionalProperties": false
    },
    "outputSchema": ApprovalDecision,
    "accepts": {
      "approvalId": "an id such as \"apr_Lp01Limit\"",
      "comment": "text of 1 to 500 characters",
      "confirmation": "text of 1 to 4096 characters"
    },
    "operationId": "approveApprovalRequest",
    "method": "post",
    "path": "/api/v3/approvals/{approvalId}/approve",
    "args": {
      "approvalId": { "in": "path", "name": "approvalId" },
      "comment": { "in": "body", "name": "comment" }
    },
    "fixed": [],
    "resolve": [],
    "confirm": [
      {
        "when": { "previousStatus": "APPROVED" },
        "text": "Request {request.id} (\"{request.description}\" by {request.requestedBy.name}) was already approved on {request.decidedAt|date} by {request.decidedBy.name}; nothing changed."
      },
      {
        "when": { "request.type": "LIMIT_INCREASE" },
        "text": "Approved request {request.id}: the limit for •••• {request.limitIncrease.card.last4} ({request.requestedBy.name}) changed from {request.limitIncrease.current.amount|money} {request.limitIncrease.current.period|words} to {request.limitIncrease.requested.amount|money} {request.limitIncrease.requested.period|words}. The request was {previousStatus|lower}; it is now {status|lower}."
      },
      {
        "text": "Approved request {request.id}: expense report \"{request.description}\" ({request.expense.id}) by {request.requestedBy.name}, {request.amount|money}. The request was {previousStatus|lower}; it is now {status|lower}."
      }
    ],
    "ask": {
      "read": {
        "operationId": "getApprovalRequest",
        "args": { "approvalId": "{approvalId}" }
      },
      "preview": [
        {
          "when": { "current.status": "APPROVED" },
          "text": "Request {current.id} (\"{current.description}\" by {current.requestedBy.name}) is already approved; approving it again changes nothing. Go ahead?"
        },
        {
          "when": { "current.type": "LIMIT_INCREASE" },
          "text": "Approve request {current.id} and change the limit of •••• {current.limitIncrease.card.last4} ({current.requestedBy.name}) from {current.limitIncrease.current.amount|money} {current.limitIncrease.current.period|words} to {current.limitIncrease.requested.amount|money} {current.limitIncrease.requested.period|words}?"
        },
        {
          "text": "Approve request {current.id}: expense report \"{current.description}\" ({current.expense.id}) by {current.requestedBy.name}, {current.amount|money}, whose out-of-pocket lines will be reimbursed?"
        }
      ],
      "unconfirmed": "refuse",
      "argument": "confirmation"
    },
    "text": {}
  }),
  // tool: reject_request
  entry(() => z.object({ "approvalId": z.string().regex(new RegExp("^apr_[A-Za-z0-9]{4,32}$")), "comment": z.string().min(1).max(500), "confirmation": zConfirmationArgument().optional() }).strict(), {
    "name": "reject_request",
    "title": "Reject a request",
    "description": "Rejects a pending approval request by its id (apr_…, from list_pending_approvals), with a comment that tells the requester why. A rejected expense report is not reimbursed; a rejected limit increase leaves the card's limit as it is. Rejecting a request that is already rejected changes nothing and says so; an approved request cannot be rejected. Confirms the request's status before and after. Administrators only.",
    "annotations": { "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false },
    "roles": ["ADMINISTRATOR"],
    "scope": "approvals:write",
    "inputSchema": {
      "type": "object",
      "properties": {
        "approvalId": ApprovalIdArgument,
        "comment": {
          "description": "Why the request is rejected, for the requester.",
          "type": "string",
          "minLength": 1,
          "maxLength": 500,
          "examples": ["Falta el comprobante del hotel."]
        },
        "confirmation": ConfirmationArgument
      },
      "required": ["approvalId", "comment"],
      "additionalProperties": false
    },
    "outputSchema": ApprovalDecision,
    "accepts": {
      "approvalId": "an id such as \"apr_Lp01Limit\"",
      "comment": "text of 1 to 500 characters, such as \"Falta el comprobante del hotel.\"",
      "confirmation": "text of 1 to 4096 characters"
    },
    "operationId": "rejectApprovalRequest",
    "method": "post",
    "path": "/api/v3/approvals/{approvalId}/reject",
    "args": {
      "approvalId": { "in": "path", "name": "approvalId" },
      "comment": { "in": "body", "name": "comment" }
    },
    "fixed": [],
    "resolve": [],
    "confirm": [
      {
        "when": { "previousStatus": "REJECTED" },
        "text": "Request {request.id} (\"{request.description}\" by {request.requestedBy.name}) was already rejected on {request.decidedAt|date} by {request.decidedBy.name}; nothing changed."
      },
      {
        "when": { "request.type": "LIMIT_INCREASE" },
        "text": "Rejected request {request.id}: the limit increase for •••• {request.limitIncrease.card.last4} ({request.requestedBy.name}) to {request.limitIncrease.requested.amount|money} {request.limitIncrease.requested.period|words}; the limit stays {request.limitIncrease.current.amount|money} {request.limitIncrease.current.period|words}. The request was {previousStatus|lower}; it is now {status|lower}."
      },
      {
        "text": "Rejected request {request.id}: expense report \"{request.description}\" ({request.expense.id}) by {request.requestedBy.name}, {request.amount|money}. The request was {previousStatus|lower}; it is now {status|lower}."
      }
    ],
    "ask": {
      "read": {
        "operationId": "getApprovalRequest",
        "args": { "approvalId": "{approvalId}" }
      },
      "preview": [
        {
          "when": { "current.status": "REJECTED" },
          "text": "Request {current.id} (\"{current.description}\" by {current.requestedBy.name}) is already rejected; rejecting it again changes nothing. Go ahead?"
        },
        {
          "when": { "current.type": "LIMIT_INCREASE" },
          "text": "Reject request {current.id}, the limit increase for •••• {current.limitIncrease.card.last4} ({current.requestedBy.name}) from {current.limitIncrease.current.amount|money} {current.limitIncrease.current.period|words} to {current.limitIncrease.requested.amount|money} {current.limitIncrease.requested.period|words}, with the comment \"{args.comment}\"?"
        },
        {
          "text": "Reject request {current.id}: expense report \"{current.description}\" ({current.expense.id}) by {current.requestedBy.name}, {current.amount|money}, with the comment \"{args.comment}\"? It will not be reimbursed."
        }
      ],
      "unconfirmed": "refuse",
      "argument": "confirmation"
    },
    "text": {}
  }),
];

export const table: ToolTable = { api, tools, operations, views };
