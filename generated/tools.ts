// Written by `npm run codegen` from spec/tools.yaml and spec/clara.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
import { z } from "zod";
import { operations } from "./client.js";
import type { ApiEntry, ToolEntry, ToolTable } from "./table.js";

export const api: ApiEntry = {
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
  "roles": [
    "ADMINISTRATOR",
    "BOOKKEEPER"
  ],
  "idempotencyHeader": "Idempotency-Key",
  "errors": {
    "code": "error.code",
    "message": "error.message",
    "requestId": "error.requestId"
  }
};

// Validators are built on first use, so importing a large table stays fast.
const validators: Array<() => z.ZodType> = [
  () => z.object({}).strict(),
  () => z.object({ "status": z.enum(["ACTIVE","LOCKED","CANCELLED"]).optional(), "cardholder": z.string().min(1).max(100).optional(), "last4": z.string().regex(new RegExp("^[0-9]{4}$")).optional(), "minSpendingLimit": z.string().regex(new RegExp("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$")).optional(), "limit": z.number().int().gte(1).lte(500).optional() }).strict(),
  () => z.object({ "card": z.string().min(1) }).strict(),
  () => z.object({ "card": z.string().min(1) }).strict(),
  () => z.object({ "card": z.string().min(1) }).strict(),
  () => z.object({ "card": z.string().min(1).optional(), "from": z.string().regex(new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$")).optional(), "to": z.string().regex(new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$")).optional(), "minAmount": z.string().regex(new RegExp("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$")).optional(), "maxAmount": z.string().regex(new RegExp("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$")).optional(), "status": z.array(z.enum(["PENDING","POSTED","DECLINED","REVERSED"])).min(1).refine((arr) => arr.every((item, i) => arr.indexOf(item) == i), "All items must be unique!").optional(), "category": z.enum(["TRAVEL","LODGING","FOOD","TRANSPORTATION","FUEL","SOFTWARE_AND_HARDWARE","OFFICE_SUPPLIES","MARKETING","PROFESSIONAL_SERVICES","UTILITIES","ENTERTAINMENT","OTHER"]).optional(), "merchant": z.string().min(1).max(100).optional(), "period": z.enum(["today","yesterday","this_week","last_week","this_month","last_month","this_quarter","last_quarter","this_year","last_7_days","last_30_days","last_90_days","current_billing_period","last_billing_period"]).optional(), "limit": z.number().int().gte(1).lte(500).optional() }).strict(),
  () => z.object({ "groupBy": z.enum(["category","cardholder","merchant","card","day","month"]), "limit": z.number().int().gte(1).lte(1000).optional(), "card": z.string().min(1).optional(), "from": z.string().regex(new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$")).optional(), "to": z.string().regex(new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$")).optional(), "minAmount": z.string().regex(new RegExp("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$")).optional(), "maxAmount": z.string().regex(new RegExp("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$")).optional(), "category": z.enum(["TRAVEL","LODGING","FOOD","TRANSPORTATION","FUEL","SOFTWARE_AND_HARDWARE","OFFICE_SUPPLIES","MARKETING","PROFESSIONAL_SERVICES","UTILITIES","ENTERTAINMENT","OTHER"]).optional(), "merchant": z.string().min(1).max(100).optional(), "period": z.enum(["today","yesterday","this_week","last_week","this_month","last_month","this_quarter","last_quarter","this_year","last_7_days","last_30_days","last_90_days","current_billing_period","last_billing_period"]).optional() }).strict(),
];
const built: Array<z.ZodType | undefined> = [];

function entry(index: number, tool: Omit<ToolEntry, "input">): ToolEntry {
  return Object.defineProperty(tool, "input", { enumerable: true, get: () => (built[index] ??= validators[index]!()) }) as ToolEntry;
}

export const tools: readonly ToolEntry[] = [
  // tool: get_current_user
  entry(0, {
    "name": "get_current_user",
    "title": "Who am I",
    "description": "Returns the signed-in Clara user (name, email, role) and their company: legal name, country, currency, time zone and the day its card statement closes. Use it to learn the company's currency and time zone before interpreting amounts or dates.",
    "annotations": {
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "The user an access token belongs to.",
      "type": "object",
      "properties": {
        "id": {
          "description": "The user's id.",
          "type": "string"
        },
        "name": {
          "description": "The user's full name.",
          "type": "string"
        },
        "email": {
          "description": "The user's email address.",
          "type": "string",
          "format": "email"
        },
        "role": {
          "description": "What a user may do: ADMINISTRATOR (everything), BOOKKEEPER (accounting: reads everything,\nlocks and unlocks cards), EMPLOYEE (their own cards only), VIEWER (read only).\n",
          "type": "string",
          "enum": [
            "ADMINISTRATOR",
            "BOOKKEEPER",
            "EMPLOYEE",
            "VIEWER"
          ]
        },
        "company": {
          "description": "The company a user works for.",
          "type": "object",
          "properties": {
            "id": {
              "description": "The company's id.",
              "type": "string"
            },
            "legalName": {
              "description": "The company's registered legal name.",
              "type": "string"
            },
            "country": {
              "description": "The company's country (ISO 3166-1 alpha-2).",
              "type": "string",
              "enum": [
                "MX",
                "BR",
                "CO"
              ]
            },
            "currency": {
              "description": "The company's currency (ISO 4217); every amount filter and summary is in it.",
              "type": "string",
              "enum": [
                "MXN",
                "BRL",
                "COP"
              ]
            },
            "timeZone": {
              "description": "The company's IANA time zone; dates without a time are days in this zone.",
              "type": "string",
              "examples": [
                "America/Mexico_City"
              ]
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
              "required": [
                "statementDay"
              ]
            }
          },
          "required": [
            "id",
            "legalName",
            "country",
            "currency",
            "timeZone",
            "taxId",
            "billingCycle"
          ]
        }
      },
      "required": [
        "id",
        "name",
        "email",
        "role",
        "company"
      ]
    },
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
  entry(1, {
    "name": "list_cards",
    "title": "List cards",
    "description": "Lists the company's corporate cards with cardholder, last 4 digits, status (ACTIVE, LOCKED, CANCELLED), spending limit and what was spent in the current limit period. Filter by status (\"which cards are locked?\"), by cardholder name, or by minimum spending limit (\"cards with a limit above 10,000\"). Returns the cards and how many match in all.",
    "annotations": {
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "status": {
          "description": "Only cards in this status.",
          "type": "string",
          "enum": [
            "ACTIVE",
            "LOCKED",
            "CANCELLED"
          ],
          "examples": [
            "LOCKED"
          ]
        },
        "cardholder": {
          "description": "Only cards whose cardholder's name contains this text. Case and accents are ignored:\n`luis perez` finds `Luis Pérez`.",
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "examples": [
            "luis perez"
          ]
        },
        "last4": {
          "description": "Only the card whose number ends with these four digits.",
          "type": "string",
          "pattern": "^[0-9]{4}$",
          "examples": [
            "4821"
          ]
        },
        "minSpendingLimit": {
          "description": "Only cards whose spending limit is at least this amount in the company's currency, e.g. \"10000\".",
          "type": "string",
          "pattern": "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
          "examples": [
            "5000",
            "1234.50",
            "10000"
          ]
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50,
          "description": "How many items to return (default 50, at most 500); the answer also says how many match in all."
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of cards.",
      "properties": {
        "data": {
          "description": "The cards on this page.",
          "type": "array",
          "items": {
            "description": "A corporate card.",
            "type": "object",
            "properties": {
              "id": {
                "description": "A card's id.",
                "type": "string",
                "pattern": "^card_[A-Za-z0-9]{4,32}$",
                "examples": [
                  "card_7Hq2LmX9"
                ]
              },
              "cardholder": {
                "description": "The person a card is issued to.",
                "type": "object",
                "properties": {
                  "id": {
                    "description": "The cardholder's id.",
                    "type": "string"
                  },
                  "name": {
                    "description": "The cardholder's full name.",
                    "type": "string"
                  },
                  "email": {
                    "description": "The cardholder's email address.",
                    "type": "string",
                    "format": "email"
                  }
                },
                "required": [
                  "id",
                  "name",
                  "email"
                ]
              },
              "last4": {
                "description": "The last four digits of the card number.",
                "type": "string",
                "pattern": "^[0-9]{4}$"
              },
              "brand": {
                "description": "The card network.",
                "type": "string",
                "enum": [
                  "MASTERCARD",
                  "VISA"
                ]
              },
              "type": {
                "description": "PHYSICAL (a plastic card) or VIRTUAL (a number for online payments).",
                "type": "string",
                "enum": [
                  "PHYSICAL",
                  "VIRTUAL"
                ]
              },
              "status": {
                "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
                "type": "string",
                "enum": [
                  "ACTIVE",
                  "LOCKED",
                  "CANCELLED"
                ]
              },
              "spendingLimit": {
                "description": "How much may be spent with a card in each period.",
                "type": "object",
                "properties": {
                  "amount": {
                    "description": "An exact amount of money.",
                    "type": "object",
                    "properties": {
                      "value": {
                        "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                        "type": "string",
                        "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                        "examples": [
                          "1234.50"
                        ]
                      },
                      "currency": {
                        "description": "ISO 4217 currency code.",
                        "type": "string",
                        "pattern": "^[A-Z]{3}$",
                        "examples": [
                          "MXN"
                        ]
                      }
                    },
                    "required": [
                      "value",
                      "currency"
                    ],
                    "additionalProperties": false
                  },
                  "period": {
                    "description": "The period the limit applies to.",
                    "type": "string",
                    "enum": [
                      "DAILY",
                      "MONTHLY",
                      "PER_TRANSACTION"
                    ]
                  }
                },
                "required": [
                  "amount",
                  "period"
                ]
              },
              "spentThisPeriod": {
                "description": "Posted and pending spending in the current limit period.",
                "type": "object",
                "properties": {
                  "value": {
                    "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                    "type": "string",
                    "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                    "examples": [
                      "1234.50"
                    ]
                  },
                  "currency": {
                    "description": "ISO 4217 currency code.",
                    "type": "string",
                    "pattern": "^[A-Z]{3}$",
                    "examples": [
                      "MXN"
                    ]
                  }
                },
                "required": [
                  "value",
                  "currency"
                ],
                "additionalProperties": false
              },
              "createdAt": {
                "description": "When the card was issued.",
                "type": "string",
                "format": "date-time"
              }
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
          }
        },
        "totalItems": {
          "description": "How many cards match the filters in all pages.",
          "type": "integer"
        },
        "returned": {
          "type": "integer",
          "minimum": 0,
          "description": "How many items this answer holds."
        },
        "hasMore": {
          "type": "boolean",
          "description": "Whether more items match than this answer holds."
        }
      },
      "required": [
        "data",
        "totalItems",
        "returned",
        "hasMore"
      ]
    },
    "operationId": "listCards",
    "method": "get",
    "path": "/api/v3/cards",
    "args": {
      "status": {
        "in": "query",
        "name": "status"
      },
      "cardholder": {
        "in": "query",
        "name": "cardholder"
      },
      "last4": {
        "in": "query",
        "name": "last4"
      },
      "minSpendingLimit": {
        "in": "query",
        "name": "minSpendingLimit"
      }
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
      "limit": {
        "default": 50,
        "max": 500
      }
    },
    "confirm": [],
    "text": {
      "heading": "{returned} of {totalItems} cards",
      "items": "data",
      "item": "•••• {last4} · {cardholder.name} · {status} · limit {spendingLimit.amount|money} {spendingLimit.period|lower} · spent {spentThisPeriod|money} · {id}"
    }
  }),
  // tool: get_card
  entry(2, {
    "name": "get_card",
    "title": "Get a card",
    "description": "Returns one card: cardholder, last 4 digits, brand, type, status, spending limit and spending in the current period. Identify the card by id, last 4 digits or cardholder name.",
    "annotations": {
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "card": {
          "type": "string",
          "minLength": 1,
          "description": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")."
        }
      },
      "required": [
        "card"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "A corporate card.",
      "type": "object",
      "properties": {
        "id": {
          "description": "A card's id.",
          "type": "string",
          "pattern": "^card_[A-Za-z0-9]{4,32}$",
          "examples": [
            "card_7Hq2LmX9"
          ]
        },
        "cardholder": {
          "description": "The person a card is issued to.",
          "type": "object",
          "properties": {
            "id": {
              "description": "The cardholder's id.",
              "type": "string"
            },
            "name": {
              "description": "The cardholder's full name.",
              "type": "string"
            },
            "email": {
              "description": "The cardholder's email address.",
              "type": "string",
              "format": "email"
            }
          },
          "required": [
            "id",
            "name",
            "email"
          ]
        },
        "last4": {
          "description": "The last four digits of the card number.",
          "type": "string",
          "pattern": "^[0-9]{4}$"
        },
        "brand": {
          "description": "The card network.",
          "type": "string",
          "enum": [
            "MASTERCARD",
            "VISA"
          ]
        },
        "type": {
          "description": "PHYSICAL (a plastic card) or VIRTUAL (a number for online payments).",
          "type": "string",
          "enum": [
            "PHYSICAL",
            "VIRTUAL"
          ]
        },
        "status": {
          "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
          "type": "string",
          "enum": [
            "ACTIVE",
            "LOCKED",
            "CANCELLED"
          ]
        },
        "spendingLimit": {
          "description": "How much may be spent with a card in each period.",
          "type": "object",
          "properties": {
            "amount": {
              "description": "An exact amount of money.",
              "type": "object",
              "properties": {
                "value": {
                  "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                  "type": "string",
                  "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                  "examples": [
                    "1234.50"
                  ]
                },
                "currency": {
                  "description": "ISO 4217 currency code.",
                  "type": "string",
                  "pattern": "^[A-Z]{3}$",
                  "examples": [
                    "MXN"
                  ]
                }
              },
              "required": [
                "value",
                "currency"
              ],
              "additionalProperties": false
            },
            "period": {
              "description": "The period the limit applies to.",
              "type": "string",
              "enum": [
                "DAILY",
                "MONTHLY",
                "PER_TRANSACTION"
              ]
            }
          },
          "required": [
            "amount",
            "period"
          ]
        },
        "spentThisPeriod": {
          "description": "Posted and pending spending in the current limit period.",
          "type": "object",
          "properties": {
            "value": {
              "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
              "type": "string",
              "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
              "examples": [
                "1234.50"
              ]
            },
            "currency": {
              "description": "ISO 4217 currency code.",
              "type": "string",
              "pattern": "^[A-Z]{3}$",
              "examples": [
                "MXN"
              ]
            }
          },
          "required": [
            "value",
            "currency"
          ],
          "additionalProperties": false
        },
        "createdAt": {
          "description": "When the card was issued.",
          "type": "string",
          "format": "date-time"
        }
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
    },
    "operationId": "getCard",
    "method": "get",
    "path": "/api/v3/cards/{cardId}",
    "args": {
      "card": {
        "in": "path",
        "name": "cardId"
      }
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
            {
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "passthrough": true
            },
            {
              "pattern": "^[^0-9A-Za-z]*([0-9]{4})$",
              "query": "last4",
              "field": "last4",
              "match": "exact"
            },
            {
              "query": "cardholder",
              "field": "cardholder.name",
              "match": "words"
            }
          ],
          "items": "data",
          "pageSize": {
            "param": "size",
            "value": 100
          }
        }
      }
    ],
    "confirm": [],
    "text": {
      "one": "•••• {last4} · {cardholder.name} · {brand} {type|lower} · {status} · limit {spendingLimit.amount|money} {spendingLimit.period|lower} · spent {spentThisPeriod|money} · {id}"
    }
  }),
  // tool: lock_card
  entry(3, {
    "name": "lock_card",
    "title": "Lock a card",
    "description": "Locks a card so every new purchase is declined until it is unlocked (reversible, unlike cancelling). Identify the card by id, last 4 digits or cardholder name; if several cards match, nothing is changed and the candidates are listed. Confirms the card and its previous status.",
    "annotations": {
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "card": {
          "type": "string",
          "minLength": 1,
          "description": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")."
        }
      },
      "required": [
        "card"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A lock or unlock that was applied.",
      "properties": {
        "card": {
          "description": "A corporate card.",
          "type": "object",
          "properties": {
            "id": {
              "description": "A card's id.",
              "type": "string",
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "examples": [
                "card_7Hq2LmX9"
              ]
            },
            "cardholder": {
              "description": "The person a card is issued to.",
              "type": "object",
              "properties": {
                "id": {
                  "description": "The cardholder's id.",
                  "type": "string"
                },
                "name": {
                  "description": "The cardholder's full name.",
                  "type": "string"
                },
                "email": {
                  "description": "The cardholder's email address.",
                  "type": "string",
                  "format": "email"
                }
              },
              "required": [
                "id",
                "name",
                "email"
              ]
            },
            "last4": {
              "description": "The last four digits of the card number.",
              "type": "string",
              "pattern": "^[0-9]{4}$"
            },
            "brand": {
              "description": "The card network.",
              "type": "string",
              "enum": [
                "MASTERCARD",
                "VISA"
              ]
            },
            "type": {
              "description": "PHYSICAL (a plastic card) or VIRTUAL (a number for online payments).",
              "type": "string",
              "enum": [
                "PHYSICAL",
                "VIRTUAL"
              ]
            },
            "status": {
              "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
              "type": "string",
              "enum": [
                "ACTIVE",
                "LOCKED",
                "CANCELLED"
              ]
            },
            "spendingLimit": {
              "description": "How much may be spent with a card in each period.",
              "type": "object",
              "properties": {
                "amount": {
                  "description": "An exact amount of money.",
                  "type": "object",
                  "properties": {
                    "value": {
                      "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                      "type": "string",
                      "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                      "examples": [
                        "1234.50"
                      ]
                    },
                    "currency": {
                      "description": "ISO 4217 currency code.",
                      "type": "string",
                      "pattern": "^[A-Z]{3}$",
                      "examples": [
                        "MXN"
                      ]
                    }
                  },
                  "required": [
                    "value",
                    "currency"
                  ],
                  "additionalProperties": false
                },
                "period": {
                  "description": "The period the limit applies to.",
                  "type": "string",
                  "enum": [
                    "DAILY",
                    "MONTHLY",
                    "PER_TRANSACTION"
                  ]
                }
              },
              "required": [
                "amount",
                "period"
              ]
            },
            "spentThisPeriod": {
              "description": "Posted and pending spending in the current limit period.",
              "type": "object",
              "properties": {
                "value": {
                  "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                  "type": "string",
                  "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                  "examples": [
                    "1234.50"
                  ]
                },
                "currency": {
                  "description": "ISO 4217 currency code.",
                  "type": "string",
                  "pattern": "^[A-Z]{3}$",
                  "examples": [
                    "MXN"
                  ]
                }
              },
              "required": [
                "value",
                "currency"
              ],
              "additionalProperties": false
            },
            "createdAt": {
              "description": "When the card was issued.",
              "type": "string",
              "format": "date-time"
            }
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
        },
        "previousStatus": {
          "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
          "type": "string",
          "enum": [
            "ACTIVE",
            "LOCKED",
            "CANCELLED"
          ]
        },
        "changedAt": {
          "description": "When the change was applied (or, when nothing changed, this request's time).",
          "type": "string",
          "format": "date-time"
        },
        "pending": {
          "description": "true while the processor has not finished; read the card again to see its new status.",
          "type": "boolean"
        }
      },
      "required": [
        "card",
        "previousStatus"
      ]
    },
    "operationId": "toggleCardLock",
    "method": "patch",
    "path": "/api/v3/cards/{cardId}/lock",
    "args": {
      "card": {
        "in": "path",
        "name": "cardId"
      }
    },
    "fixed": [
      {
        "in": "body",
        "name": "lock",
        "value": true
      }
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
            {
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "passthrough": true
            },
            {
              "pattern": "^[^0-9A-Za-z]*([0-9]{4})$",
              "query": "last4",
              "field": "last4",
              "match": "exact"
            },
            {
              "query": "cardholder",
              "field": "cardholder.name",
              "match": "words"
            }
          ],
          "items": "data",
          "pageSize": {
            "param": "size",
            "value": 100
          }
        }
      }
    ],
    "await": {
      "status": 202,
      "operationId": "getCard",
      "args": {
        "cardId": "{cardId}"
      },
      "until": {
        "field": "status",
        "equals": "LOCKED"
      },
      "into": "card",
      "flag": "pending",
      "timeoutMs": 6000,
      "intervalMs": 250
    },
    "confirm": [
      {
        "when": {
          "pending": true
        },
        "text": "The lock of card •••• {card.last4} ({card.cardholder.name}) was accepted but is not applied yet; the card is still {card.status|lower}. Check again with get_card in a moment."
      },
      {
        "when": {
          "previousStatus": "LOCKED"
        },
        "text": "Card •••• {card.last4} ({card.cardholder.name}) was already locked; nothing changed."
      },
      {
        "text": "Locked card •••• {card.last4} ({card.cardholder.name}); it was {previousStatus|lower}."
      }
    ],
    "text": {}
  }),
  // tool: unlock_card
  entry(4, {
    "name": "unlock_card",
    "title": "Unlock a card",
    "description": "Unlocks a locked card so it can be used again. Identify the card by id, last 4 digits or cardholder name; if several cards match, nothing is changed and the candidates are listed. Cancelled cards cannot be unlocked. Confirms the card and its previous status.",
    "annotations": {
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "card": {
          "type": "string",
          "minLength": 1,
          "description": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")."
        }
      },
      "required": [
        "card"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A lock or unlock that was applied.",
      "properties": {
        "card": {
          "description": "A corporate card.",
          "type": "object",
          "properties": {
            "id": {
              "description": "A card's id.",
              "type": "string",
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "examples": [
                "card_7Hq2LmX9"
              ]
            },
            "cardholder": {
              "description": "The person a card is issued to.",
              "type": "object",
              "properties": {
                "id": {
                  "description": "The cardholder's id.",
                  "type": "string"
                },
                "name": {
                  "description": "The cardholder's full name.",
                  "type": "string"
                },
                "email": {
                  "description": "The cardholder's email address.",
                  "type": "string",
                  "format": "email"
                }
              },
              "required": [
                "id",
                "name",
                "email"
              ]
            },
            "last4": {
              "description": "The last four digits of the card number.",
              "type": "string",
              "pattern": "^[0-9]{4}$"
            },
            "brand": {
              "description": "The card network.",
              "type": "string",
              "enum": [
                "MASTERCARD",
                "VISA"
              ]
            },
            "type": {
              "description": "PHYSICAL (a plastic card) or VIRTUAL (a number for online payments).",
              "type": "string",
              "enum": [
                "PHYSICAL",
                "VIRTUAL"
              ]
            },
            "status": {
              "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
              "type": "string",
              "enum": [
                "ACTIVE",
                "LOCKED",
                "CANCELLED"
              ]
            },
            "spendingLimit": {
              "description": "How much may be spent with a card in each period.",
              "type": "object",
              "properties": {
                "amount": {
                  "description": "An exact amount of money.",
                  "type": "object",
                  "properties": {
                    "value": {
                      "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                      "type": "string",
                      "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                      "examples": [
                        "1234.50"
                      ]
                    },
                    "currency": {
                      "description": "ISO 4217 currency code.",
                      "type": "string",
                      "pattern": "^[A-Z]{3}$",
                      "examples": [
                        "MXN"
                      ]
                    }
                  },
                  "required": [
                    "value",
                    "currency"
                  ],
                  "additionalProperties": false
                },
                "period": {
                  "description": "The period the limit applies to.",
                  "type": "string",
                  "enum": [
                    "DAILY",
                    "MONTHLY",
                    "PER_TRANSACTION"
                  ]
                }
              },
              "required": [
                "amount",
                "period"
              ]
            },
            "spentThisPeriod": {
              "description": "Posted and pending spending in the current limit period.",
              "type": "object",
              "properties": {
                "value": {
                  "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                  "type": "string",
                  "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                  "examples": [
                    "1234.50"
                  ]
                },
                "currency": {
                  "description": "ISO 4217 currency code.",
                  "type": "string",
                  "pattern": "^[A-Z]{3}$",
                  "examples": [
                    "MXN"
                  ]
                }
              },
              "required": [
                "value",
                "currency"
              ],
              "additionalProperties": false
            },
            "createdAt": {
              "description": "When the card was issued.",
              "type": "string",
              "format": "date-time"
            }
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
        },
        "previousStatus": {
          "description": "ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).",
          "type": "string",
          "enum": [
            "ACTIVE",
            "LOCKED",
            "CANCELLED"
          ]
        },
        "changedAt": {
          "description": "When the change was applied (or, when nothing changed, this request's time).",
          "type": "string",
          "format": "date-time"
        },
        "pending": {
          "description": "true while the processor has not finished; read the card again to see its new status.",
          "type": "boolean"
        }
      },
      "required": [
        "card",
        "previousStatus"
      ]
    },
    "operationId": "toggleCardLock",
    "method": "patch",
    "path": "/api/v3/cards/{cardId}/lock",
    "args": {
      "card": {
        "in": "path",
        "name": "cardId"
      }
    },
    "fixed": [
      {
        "in": "body",
        "name": "lock",
        "value": false
      }
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
            {
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "passthrough": true
            },
            {
              "pattern": "^[^0-9A-Za-z]*([0-9]{4})$",
              "query": "last4",
              "field": "last4",
              "match": "exact"
            },
            {
              "query": "cardholder",
              "field": "cardholder.name",
              "match": "words"
            }
          ],
          "items": "data",
          "pageSize": {
            "param": "size",
            "value": 100
          }
        }
      }
    ],
    "await": {
      "status": 202,
      "operationId": "getCard",
      "args": {
        "cardId": "{cardId}"
      },
      "until": {
        "field": "status",
        "equals": "ACTIVE"
      },
      "into": "card",
      "flag": "pending",
      "timeoutMs": 6000,
      "intervalMs": 250
    },
    "confirm": [
      {
        "when": {
          "pending": true
        },
        "text": "The unlock of card •••• {card.last4} ({card.cardholder.name}) was accepted but is not applied yet; the card is still {card.status|lower}. Check again with get_card in a moment."
      },
      {
        "when": {
          "previousStatus": "ACTIVE"
        },
        "text": "Card •••• {card.last4} ({card.cardholder.name}) was already active; nothing changed."
      },
      {
        "text": "Unlocked card •••• {card.last4} ({card.cardholder.name}); it was {previousStatus|lower}."
      }
    ],
    "text": {}
  }),
  // tool: list_transactions
  entry(5, {
    "name": "list_transactions",
    "title": "List transactions",
    "description": "Lists card transactions, newest first: merchant, category, amount (company currency, and the original currency when foreign), status, cardholder and card. Filter by period (a preset such as this_month or last_30_days, or from/to dates), card (id, last 4 digits or cardholder name), amount range (\"over 5,000\" is minAmount \"5000\"), status, category or merchant. Without a period, covers the current billing period. Returns the transactions and how many match in all.",
    "annotations": {
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "card": {
          "type": "string",
          "minLength": 1,
          "description": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")."
        },
        "from": {
          "description": "Start of the period, inclusive: a date (`YYYY-MM-DD`, from the start of that day in the\ncompany's time zone) or an RFC 3339 date-time.",
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
          "examples": [
            "2026-10-01",
            "2026-10-01T00:00:00-06:00"
          ]
        },
        "to": {
          "description": "End of the period, inclusive: a date (`YYYY-MM-DD`, to the end of that day in the company's\ntime zone) or an RFC 3339 date-time.",
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
          "examples": [
            "2026-10-01",
            "2026-10-01T00:00:00-06:00",
            "2026-10-31"
          ]
        },
        "minAmount": {
          "description": "Only transactions of at least this amount, in the company's currency.",
          "type": "string",
          "pattern": "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
          "examples": [
            "5000",
            "1234.50"
          ]
        },
        "maxAmount": {
          "description": "Only transactions of at most this amount, in the company's currency.",
          "type": "string",
          "pattern": "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
          "examples": [
            "5000",
            "1234.50",
            "20000.00"
          ]
        },
        "status": {
          "description": "Only transactions in one of these statuses (repeat the parameter for several).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "description": "PENDING (authorised, not yet settled), POSTED (settled), DECLINED (refused), REVERSED (cancelled or refunded after authorisation).",
            "type": "string",
            "enum": [
              "PENDING",
              "POSTED",
              "DECLINED",
              "REVERSED"
            ]
          },
          "examples": [
            [
              "POSTED",
              "PENDING"
            ]
          ]
        },
        "category": {
          "description": "Only transactions whose merchant is in this category.",
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
          ],
          "examples": [
            "TRAVEL"
          ]
        },
        "merchant": {
          "description": "Only transactions whose merchant name contains this text (case and accents ignored).",
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "examples": [
            "uber"
          ]
        },
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
          "description": "A named date range instead of from/to: today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period, last_billing_period. Resolved in the company's time zone (billing periods by its statement day); do not combine with from/to. Without period, from and to, current_billing_period is used."
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50,
          "description": "How many items to return (default 50, at most 500); the answer also says how many match in all."
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "description": "A page of transactions.",
      "properties": {
        "data": {
          "description": "The transactions on this page, newest first.",
          "type": "array",
          "items": {
            "description": "One card transaction.",
            "type": "object",
            "properties": {
              "id": {
                "description": "The transaction's id.",
                "type": "string"
              },
              "card": {
                "description": "The card used.",
                "type": "object",
                "properties": {
                  "id": {
                    "description": "A card's id.",
                    "type": "string",
                    "pattern": "^card_[A-Za-z0-9]{4,32}$",
                    "examples": [
                      "card_7Hq2LmX9"
                    ]
                  },
                  "last4": {
                    "description": "The last four digits of the card number.",
                    "type": "string"
                  }
                },
                "required": [
                  "id",
                  "last4"
                ]
              },
              "cardholder": {
                "description": "Who used the card.",
                "type": "object",
                "properties": {
                  "id": {
                    "description": "The cardholder's id.",
                    "type": "string"
                  },
                  "name": {
                    "description": "The cardholder's full name.",
                    "type": "string"
                  }
                },
                "required": [
                  "id",
                  "name"
                ]
              },
              "merchant": {
                "description": "Where the card was used.",
                "type": "object",
                "properties": {
                  "name": {
                    "description": "The merchant's name as shown on the statement.",
                    "type": "string"
                  },
                  "category": {
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
                  "mcc": {
                    "description": "The merchant category code (ISO 18245).",
                    "type": "string",
                    "pattern": "^[0-9]{4}$"
                  },
                  "country": {
                    "description": "The merchant's country (ISO 3166-1 alpha-2).",
                    "type": "string",
                    "pattern": "^[A-Z]{2}$"
                  }
                },
                "required": [
                  "name",
                  "category",
                  "mcc",
                  "country"
                ]
              },
              "amount": {
                "description": "The amount charged, in the company's currency.",
                "type": "object",
                "properties": {
                  "value": {
                    "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                    "type": "string",
                    "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                    "examples": [
                      "1234.50"
                    ]
                  },
                  "currency": {
                    "description": "ISO 4217 currency code.",
                    "type": "string",
                    "pattern": "^[A-Z]{3}$",
                    "examples": [
                      "MXN"
                    ]
                  }
                },
                "required": [
                  "value",
                  "currency"
                ],
                "additionalProperties": false
              },
              "originalAmount": {
                "description": "The amount in the merchant's currency when it differs from the company's; null otherwise.",
                "anyOf": [
                  {
                    "description": "An exact amount of money.",
                    "type": "object",
                    "properties": {
                      "value": {
                        "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                        "type": "string",
                        "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                        "examples": [
                          "1234.50"
                        ]
                      },
                      "currency": {
                        "description": "ISO 4217 currency code.",
                        "type": "string",
                        "pattern": "^[A-Z]{3}$",
                        "examples": [
                          "MXN"
                        ]
                      }
                    },
                    "required": [
                      "value",
                      "currency"
                    ],
                    "additionalProperties": false
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "status": {
                "description": "PENDING (authorised, not yet settled), POSTED (settled), DECLINED (refused), REVERSED (cancelled or refunded after authorisation).",
                "type": "string",
                "enum": [
                  "PENDING",
                  "POSTED",
                  "DECLINED",
                  "REVERSED"
                ]
              },
              "authorizedAt": {
                "description": "When the transaction was authorised.",
                "type": "string",
                "format": "date-time"
              },
              "postedAt": {
                "description": "When the transaction settled; null while pending, declined or reversed before settling.",
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "card",
              "cardholder",
              "merchant",
              "amount",
              "originalAmount",
              "status",
              "authorizedAt",
              "postedAt"
            ]
          }
        },
        "totalItems": {
          "description": "How many transactions match the filters in all pages.",
          "type": "integer"
        },
        "returned": {
          "type": "integer",
          "minimum": 0,
          "description": "How many items this answer holds."
        },
        "hasMore": {
          "type": "boolean",
          "description": "Whether more items match than this answer holds."
        },
        "period": {
          "type": "object",
          "description": "The date range used (inclusive), the time zone it was read in, and the preset it came from (null when given as dates).",
          "properties": {
            "from": {
              "type": "string",
              "description": "Start, inclusive (YYYY-MM-DD for a preset)."
            },
            "to": {
              "type": "string",
              "description": "End, inclusive (YYYY-MM-DD for a preset)."
            },
            "timeZone": {
              "type": "string"
            },
            "preset": {
              "type": [
                "string",
                "null"
              ],
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
          "required": [
            "from",
            "to",
            "timeZone"
          ]
        }
      },
      "required": [
        "data",
        "totalItems",
        "returned",
        "hasMore"
      ]
    },
    "operationId": "listTransactions",
    "method": "get",
    "path": "/api/v3/transactions",
    "args": {
      "card": {
        "in": "query",
        "name": "cardId"
      },
      "from": {
        "in": "query",
        "name": "from"
      },
      "to": {
        "in": "query",
        "name": "to"
      },
      "minAmount": {
        "in": "query",
        "name": "minAmount"
      },
      "maxAmount": {
        "in": "query",
        "name": "maxAmount"
      },
      "status": {
        "in": "query",
        "name": "status"
      },
      "category": {
        "in": "query",
        "name": "category"
      },
      "merchant": {
        "in": "query",
        "name": "merchant"
      }
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
            {
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "passthrough": true
            },
            {
              "pattern": "^[^0-9A-Za-z]*([0-9]{4})$",
              "query": "last4",
              "field": "last4",
              "match": "exact"
            },
            {
              "query": "cardholder",
              "field": "cardholder.name",
              "match": "words"
            }
          ],
          "items": "data",
          "pageSize": {
            "param": "size",
            "value": 100
          }
        }
      }
    ],
    "period": {
      "arg": "period",
      "from": "from",
      "to": "to",
      "default": "current_billing_period"
    },
    "pages": {
      "style": "page",
      "page": "page",
      "size": "size",
      "items": "data",
      "total": "totalItems",
      "pageSize": 100,
      "limit": {
        "default": 50,
        "max": 500
      }
    },
    "confirm": [],
    "text": {
      "heading": "{returned} of {totalItems} transactions",
      "items": "data",
      "item": "{authorizedAt|date} · {merchant.name} · {amount|money} · {status} · {merchant.category} · {cardholder.name} •••• {card.last4}"
    }
  }),
  // tool: summarize_spending
  entry(6, {
    "name": "summarize_spending",
    "title": "Summarize spending",
    "description": "Totals spending grouped by category, cardholder, merchant (vendor), card, day or month, largest first, with each group's transaction count and total. Use it for \"top spending categories last month\" or \"top 5 vendors this quarter\" (groupBy merchant, limit 5). Counts settled and pending purchases (not declined or reversed ones). Without a period, covers the current billing period.",
    "annotations": {
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "roles": [
      "ADMINISTRATOR",
      "BOOKKEEPER"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "groupBy": {
          "description": "How to group the transactions.",
          "type": "string",
          "enum": [
            "category",
            "cardholder",
            "merchant",
            "card",
            "day",
            "month"
          ],
          "examples": [
            "category"
          ]
        },
        "limit": {
          "description": "Return only the top N groups (totals still cover everything).",
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "examples": [
            5
          ]
        },
        "card": {
          "type": "string",
          "minLength": 1,
          "description": "The card: its id (card_…), its last 4 digits (\"4821\" or \"•••• 4821\"), or the cardholder's name (case and accents are ignored: \"luis perez\" finds \"Luis Pérez\")."
        },
        "from": {
          "description": "Start of the period, inclusive: a date (`YYYY-MM-DD`, from the start of that day in the\ncompany's time zone) or an RFC 3339 date-time.",
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
          "examples": [
            "2026-10-01",
            "2026-10-01T00:00:00-06:00"
          ]
        },
        "to": {
          "description": "End of the period, inclusive: a date (`YYYY-MM-DD`, to the end of that day in the company's\ntime zone) or an RFC 3339 date-time.",
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
          "examples": [
            "2026-10-01",
            "2026-10-01T00:00:00-06:00",
            "2026-10-31"
          ]
        },
        "minAmount": {
          "description": "Only transactions of at least this amount, in the company's currency.",
          "type": "string",
          "pattern": "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
          "examples": [
            "5000",
            "1234.50"
          ]
        },
        "maxAmount": {
          "description": "Only transactions of at most this amount, in the company's currency.",
          "type": "string",
          "pattern": "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
          "examples": [
            "5000",
            "1234.50",
            "20000.00"
          ]
        },
        "category": {
          "description": "Only transactions whose merchant is in this category.",
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
          ],
          "examples": [
            "TRAVEL"
          ]
        },
        "merchant": {
          "description": "Only transactions whose merchant name contains this text (case and accents ignored).",
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "examples": [
            "uber"
          ]
        },
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
          "description": "A named date range instead of from/to: today, yesterday, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_7_days, last_30_days, last_90_days, current_billing_period, last_billing_period. Resolved in the company's time zone (billing periods by its statement day); do not combine with from/to. Without period, from and to, current_billing_period is used."
        }
      },
      "required": [
        "groupBy"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "description": "Transactions grouped, with counts and totals.",
      "type": "object",
      "properties": {
        "from": {
          "description": "Start of the period summarised",
          "type": "string"
        },
        "to": {
          "description": "End of the period summarised",
          "type": "string"
        },
        "timeZone": {
          "description": "The time zone dates are read in (the company's).",
          "type": "string"
        },
        "groupBy": {
          "description": "How the transactions were grouped.",
          "type": "string",
          "enum": [
            "category",
            "cardholder",
            "merchant",
            "card",
            "day",
            "month"
          ]
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
              "label": {
                "description": "The group's name for people.",
                "type": "string"
              },
              "count": {
                "description": "How many transactions are in the group.",
                "type": "integer",
                "minimum": 1
              },
              "total": {
                "description": "An exact amount of money.",
                "type": "object",
                "properties": {
                  "value": {
                    "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                    "type": "string",
                    "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                    "examples": [
                      "1234.50"
                    ]
                  },
                  "currency": {
                    "description": "ISO 4217 currency code.",
                    "type": "string",
                    "pattern": "^[A-Z]{3}$",
                    "examples": [
                      "MXN"
                    ]
                  }
                },
                "required": [
                  "value",
                  "currency"
                ],
                "additionalProperties": false
              }
            },
            "required": [
              "key",
              "label",
              "count",
              "total"
            ]
          }
        },
        "totals": {
          "description": "Every matching transaction, whatever `limit` returned.",
          "type": "object",
          "properties": {
            "count": {
              "description": "How many transactions match.",
              "type": "integer",
              "minimum": 0
            },
            "total": {
              "description": "An exact amount of money.",
              "type": "object",
              "properties": {
                "value": {
                  "description": "The amount in currency units, as a decimal string with exactly two decimals (never a float).",
                  "type": "string",
                  "pattern": "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$",
                  "examples": [
                    "1234.50"
                  ]
                },
                "currency": {
                  "description": "ISO 4217 currency code.",
                  "type": "string",
                  "pattern": "^[A-Z]{3}$",
                  "examples": [
                    "MXN"
                  ]
                }
              },
              "required": [
                "value",
                "currency"
              ],
              "additionalProperties": false
            }
          },
          "required": [
            "count",
            "total"
          ]
        },
        "period": {
          "type": "object",
          "description": "The date range used (inclusive), the time zone it was read in, and the preset it came from (null when given as dates).",
          "properties": {
            "from": {
              "type": "string",
              "description": "Start, inclusive (YYYY-MM-DD for a preset)."
            },
            "to": {
              "type": "string",
              "description": "End, inclusive (YYYY-MM-DD for a preset)."
            },
            "timeZone": {
              "type": "string"
            },
            "preset": {
              "type": [
                "string",
                "null"
              ],
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
          "required": [
            "from",
            "to",
            "timeZone"
          ]
        }
      },
      "required": [
        "from",
        "to",
        "timeZone",
        "groupBy",
        "groups",
        "totals"
      ]
    },
    "operationId": "summarizeTransactions",
    "method": "get",
    "path": "/api/v3/transactions/summary",
    "args": {
      "groupBy": {
        "in": "query",
        "name": "groupBy"
      },
      "limit": {
        "in": "query",
        "name": "limit"
      },
      "card": {
        "in": "query",
        "name": "cardId"
      },
      "from": {
        "in": "query",
        "name": "from"
      },
      "to": {
        "in": "query",
        "name": "to"
      },
      "minAmount": {
        "in": "query",
        "name": "minAmount"
      },
      "maxAmount": {
        "in": "query",
        "name": "maxAmount"
      },
      "category": {
        "in": "query",
        "name": "category"
      },
      "merchant": {
        "in": "query",
        "name": "merchant"
      }
    },
    "fixed": [
      {
        "in": "query",
        "name": "status",
        "value": [
          "PENDING",
          "POSTED"
        ]
      }
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
            {
              "pattern": "^card_[A-Za-z0-9]{4,32}$",
              "passthrough": true
            },
            {
              "pattern": "^[^0-9A-Za-z]*([0-9]{4})$",
              "query": "last4",
              "field": "last4",
              "match": "exact"
            },
            {
              "query": "cardholder",
              "field": "cardholder.name",
              "match": "words"
            }
          ],
          "items": "data",
          "pageSize": {
            "param": "size",
            "value": 100
          }
        }
      }
    ],
    "period": {
      "arg": "period",
      "from": "from",
      "to": "to",
      "default": "current_billing_period"
    },
    "confirm": [],
    "text": {
      "heading": "Spending by {groupBy}: {totals.count} transactions, {totals.total|money}",
      "items": "groups",
      "item": "{label}: {total|money} ({count} transactions)"
    }
  }),
];

export const table: ToolTable = { api, tools, operations };
