// Written by `npm run codegen` from spec/tools.yaml and spec/clara.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
export interface paths {
    "/api/v3/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling user and their company
         * @description Returns the user the access token belongs to (name, email, role) and the company they work
         *     for, including the settings that give dates their meaning: the company's currency, IANA time
         *     zone and the day of the month its card statement closes.
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the company's cards
         * @description Lists the corporate cards of the caller's company, newest first, with their cardholder,
         *     status, spending limit and what was spent in the current limit period. Filters combine with AND.
         *     Employees see only their own cards.
         */
        get: operations["listCards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/cards/{cardId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The card's id.
                 * @example card_7Hq2LmX9
                 */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        /**
         * Get one card
         * @description Returns one card of the caller's company by its id.
         */
        get: operations["getCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/cards/{cardId}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The card's id.
                 * @example card_7Hq2LmX9
                 */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Lock or unlock a card
         * @description Locks a card (`{"lock": true}`: every new authorisation is declined until it is unlocked) or
         *     unlocks it (`{"lock": false}`). Locking is reversible, unlike cancelling.
         *
         *     When the card processor applies the change at once the answer is 200 with the card after the
         *     change and its previous status; locking a card that is already locked succeeds and says so
         *     through `previousStatus`. When the processor cannot finish within its time limit the answer is
         *     202 with `pending: true`: the change is accepted and the card's status changes shortly after
         *     (read the card again to see it). A cancelled card cannot be locked or unlocked (409).
         *
         *     Send an `Idempotency-Key` to make retries safe: a repeated key returns the first answer and
         *     changes nothing again.
         */
        patch: operations["toggleCardLock"];
        trace?: never;
    };
    "/api/v3/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List card transactions
         * @description Lists the card transactions of the caller's company, newest first (by authorisation time).
         *     Without `from` and `to`, the current billing period is used (from the day after the last
         *     statement day to the next statement day, in the company's time zone); with only `from`, the
         *     period runs to the end of today; with only `to`, it starts on the company's first day.
         *     Filters combine with AND.
         */
        get: operations["listTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/transactions/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Summarise transactions by category, cardholder, merchant, card, day or month
         * @description Groups the transactions that match the filters (the same filters, with the same meaning, as
         *     `GET /api/v3/transactions`) and gives each group's count and total, largest total first.
         *     Counts and totals are exact: a group's count equals the `totalItems` the list returns for
         *     the same filters plus that group. `totals` covers every matching transaction, also when
         *     `limit` returns only the top groups. Amounts are in the company's currency.
         */
        get: operations["summarizeTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The body of every error response. */
        Error: {
            /** @description What went wrong. */
            error: {
                /**
                 * @description A stable, machine-readable error code.
                 * @enum {string}
                 */
                code: "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "UNPROCESSABLE" | "RATE_LIMITED" | "INTERNAL" | "UNAVAILABLE";
                /** @description A sentence for people saying what went wrong and, where it helps, what is allowed. */
                message: string;
                /** @description The id of this request, to quote when contacting Clara. */
                requestId: string;
            };
        };
        /** @description An exact amount of money. */
        Money: {
            /**
             * @description The amount in currency units, as a decimal string with exactly two decimals (never a float).
             * @example 1234.50
             */
            value: string;
            /**
             * @description ISO 4217 currency code.
             * @example MXN
             */
            currency: string;
        };
        /**
         * @description A non-negative amount in currency units, as a decimal string with up to two decimals.
         * @example 5000
         * @example 1234.50
         */
        DecimalAmount: string;
        /**
         * @description A calendar date (YYYY-MM-DD) or an RFC 3339 date-time.
         * @example 2026-10-01
         * @example 2026-10-01T00:00:00-06:00
         */
        DateOrDateTime: string;
        /**
         * @description What a user may do: ADMINISTRATOR (everything), BOOKKEEPER (accounting: reads everything,
         *     locks and unlocks cards), EMPLOYEE (their own cards only), VIEWER (read only).
         * @enum {string}
         */
        Role: "ADMINISTRATOR" | "BOOKKEEPER" | "EMPLOYEE" | "VIEWER";
        /**
         * @description The company's country (ISO 3166-1 alpha-2).
         * @enum {string}
         */
        Country: "MX" | "BR" | "CO";
        /** @description The user an access token belongs to. */
        CurrentUser: {
            /** @description The user's id. */
            id: string;
            /** @description The user's full name. */
            name: string;
            /**
             * Format: email
             * @description The user's email address.
             */
            email: string;
            role: components["schemas"]["Role"];
            company: components["schemas"]["Company"];
        };
        /** @description The company a user works for. */
        Company: {
            /** @description The company's id. */
            id: string;
            /** @description The company's registered legal name. */
            legalName: string;
            country: components["schemas"]["Country"];
            /**
             * @description The company's currency (ISO 4217); every amount filter and summary is in it.
             * @enum {string}
             */
            currency: "MXN" | "BRL" | "COP";
            /**
             * @description The company's IANA time zone; dates without a time are days in this zone.
             * @example America/Mexico_City
             */
            timeZone: string;
            /** @description The company's tax id (RFC in Mexico, CNPJ in Brazil, NIT in Colombia). */
            taxId: string;
            /** @description When the company's card statement closes. */
            billingCycle: {
                /** @description Day of the month the statement closes; a billing period runs from the day after one statement day to the next statement day, inclusive. */
                statementDay: number;
            };
        };
        /**
         * @description A card's id.
         * @example card_7Hq2LmX9
         */
        CardId: string;
        /**
         * @description ACTIVE (usable), LOCKED (temporarily blocked, reversible), CANCELLED (permanently closed).
         * @enum {string}
         */
        CardStatus: "ACTIVE" | "LOCKED" | "CANCELLED";
        /** @description The person a card is issued to. */
        Cardholder: {
            /** @description The cardholder's id. */
            id: string;
            /** @description The cardholder's full name. */
            name: string;
            /**
             * Format: email
             * @description The cardholder's email address.
             */
            email: string;
        };
        /** @description How much may be spent with a card in each period. */
        SpendingLimit: {
            amount: components["schemas"]["Money"];
            /**
             * @description The period the limit applies to.
             * @enum {string}
             */
            period: "DAILY" | "MONTHLY" | "PER_TRANSACTION";
        };
        /** @description A corporate card. */
        Card: {
            id: components["schemas"]["CardId"];
            cardholder: components["schemas"]["Cardholder"];
            /** @description The last four digits of the card number. */
            last4: string;
            /**
             * @description The card network.
             * @enum {string}
             */
            brand: "MASTERCARD" | "VISA";
            /**
             * @description PHYSICAL (a plastic card) or VIRTUAL (a number for online payments).
             * @enum {string}
             */
            type: "PHYSICAL" | "VIRTUAL";
            status: components["schemas"]["CardStatus"];
            spendingLimit: components["schemas"]["SpendingLimit"];
            /** @description Posted and pending spending in the current limit period. */
            spentThisPeriod: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When the card was issued.
             */
            createdAt: string;
        };
        /** @description A page of cards. */
        CardPage: {
            /** @description The cards on this page. */
            data: components["schemas"]["Card"][];
            /** @description This page's number */
            page: number;
            /** @description The page size asked for. */
            size: number;
            /** @description How many cards match the filters in all pages. */
            totalItems: number;
            /** @description How many pages there are for this size. */
            totalPages: number;
        };
        /** @description Whether to lock or unlock. */
        LockRequest: {
            /** @description true to lock the card, false to unlock it. */
            lock: boolean;
        };
        /** @description A lock or unlock that was applied. */
        LockResult: {
            card: components["schemas"]["Card"];
            previousStatus: components["schemas"]["CardStatus"];
            /**
             * Format: date-time
             * @description When the change was applied (or, when nothing changed, this request's time).
             */
            changedAt: string;
        };
        /** @description A lock or unlock that was accepted and is still being applied by the card processor. */
        LockPending: {
            card: components["schemas"]["Card"];
            previousStatus: components["schemas"]["CardStatus"];
            /** @description true while the processor has not finished; read the card again to see its new status. */
            pending: boolean;
        };
        /**
         * @description PENDING (authorised, not yet settled), POSTED (settled), DECLINED (refused), REVERSED (cancelled or refunded after authorisation).
         * @enum {string}
         */
        TransactionStatus: "PENDING" | "POSTED" | "DECLINED" | "REVERSED";
        /**
         * @description The merchant's spending category.
         * @enum {string}
         */
        Category: "TRAVEL" | "LODGING" | "FOOD" | "TRANSPORTATION" | "FUEL" | "SOFTWARE_AND_HARDWARE" | "OFFICE_SUPPLIES" | "MARKETING" | "PROFESSIONAL_SERVICES" | "UTILITIES" | "ENTERTAINMENT" | "OTHER";
        /** @description Where the card was used. */
        Merchant: {
            /** @description The merchant's name as shown on the statement. */
            name: string;
            category: components["schemas"]["Category"];
            /** @description The merchant category code (ISO 18245). */
            mcc: string;
            /** @description The merchant's country (ISO 3166-1 alpha-2). */
            country: string;
        };
        /** @description One card transaction. */
        Transaction: {
            /** @description The transaction's id. */
            id: string;
            /** @description The card used. */
            card: {
                id: components["schemas"]["CardId"];
                /** @description The last four digits of the card number. */
                last4: string;
            };
            /** @description Who used the card. */
            cardholder: {
                /** @description The cardholder's id. */
                id: string;
                /** @description The cardholder's full name. */
                name: string;
            };
            merchant: components["schemas"]["Merchant"];
            /** @description The amount charged, in the company's currency. */
            amount: components["schemas"]["Money"];
            /** @description The amount in the merchant's currency when it differs from the company's; null otherwise. */
            originalAmount: components["schemas"]["Money"] | null;
            status: components["schemas"]["TransactionStatus"];
            /**
             * Format: date-time
             * @description When the transaction was authorised.
             */
            authorizedAt: string;
            /**
             * Format: date-time
             * @description When the transaction settled; null while pending, declined or reversed before settling.
             */
            postedAt: string | null;
        };
        /** @description A page of transactions. */
        TransactionPage: {
            /** @description The transactions on this page, newest first. */
            data: components["schemas"]["Transaction"][];
            /** @description This page's number */
            page: number;
            /** @description The page size asked for. */
            size: number;
            /** @description How many transactions match the filters in all pages. */
            totalItems: number;
            /** @description How many pages there are for this size. */
            totalPages: number;
        };
        /** @description One group of transactions. */
        SummaryGroup: {
            /** @description The group's key: a category, cardholder id, merchant name, card id, date (YYYY-MM-DD) or month (YYYY-MM). */
            key: string;
            /** @description The group's name for people. */
            label: string;
            /** @description How many transactions are in the group. */
            count: number;
            total: components["schemas"]["Money"];
        };
        /** @description Transactions grouped, with counts and totals. */
        TransactionSummary: {
            /** @description Start of the period summarised */
            from: string;
            /** @description End of the period summarised */
            to: string;
            /** @description The time zone dates are read in (the company's). */
            timeZone: string;
            /**
             * @description How the transactions were grouped.
             * @enum {string}
             */
            groupBy: "category" | "cardholder" | "merchant" | "card" | "day" | "month";
            /** @description The groups, largest total first. */
            groups: components["schemas"]["SummaryGroup"][];
            /** @description Every matching transaction, whatever `limit` returned. */
            totals: {
                /** @description How many transactions match. */
                count: number;
                total: components["schemas"]["Money"];
            };
        };
    };
    responses: {
        /** @description A parameter or the body is invalid; the message names it and says what is allowed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "BAD_REQUEST",
                 *         "message": "status must be one of ACTIVE, LOCKED, CANCELLED",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The access token is missing, unknown or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "UNAUTHORIZED",
                 *         "message": "The access token is missing",
                 *         "unknown or revoked.": null,
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The caller's role may not do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "FORBIDDEN",
                 *         "message": "Employees cannot lock cards.",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Nothing with this id exists in the caller's company. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "NOT_FOUND",
                 *         "message": "No card with id card_0000.",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The change is not possible in the resource's current state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "CONFLICT",
                 *         "message": "The card is cancelled; a cancelled card cannot be locked or unlocked.",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request is well-formed but cannot be applied (for example an Idempotency-Key reused with a different body). */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "UNPROCESSABLE",
                 *         "message": "This Idempotency-Key was used with a different request.",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests; retry after the number of seconds in `Retry-After`. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before retrying. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "RATE_LIMITED",
                 *         "message": "Too many requests.",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An unexpected error on Clara's side; nothing is guaranteed to have changed. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "INTERNAL",
                 *         "message": "Something went wrong on our side.",
                 *         "requestId": "req_9a8b7c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Page number, from 1.
         * @example 1
         */
        Page: number;
        /**
         * @description Items per page.
         * @example 20
         */
        Size: number;
        /**
         * @description The card's id.
         * @example card_7Hq2LmX9
         */
        CardId: components["schemas"]["CardId"];
        /**
         * @description Only transactions made with this card.
         * @example card_7Hq2LmX9
         */
        TransactionCardId: components["schemas"]["CardId"];
        /**
         * @description Only transactions of this cardholder.
         * @example chd_Lp01
         */
        CardholderId: string;
        /**
         * @description Start of the period, inclusive: a date (`YYYY-MM-DD`, from the start of that day in the
         *     company's time zone) or an RFC 3339 date-time.
         * @example 2026-10-01
         */
        From: components["schemas"]["DateOrDateTime"];
        /**
         * @description End of the period, inclusive: a date (`YYYY-MM-DD`, to the end of that day in the company's
         *     time zone) or an RFC 3339 date-time.
         * @example 2026-10-31
         */
        To: components["schemas"]["DateOrDateTime"];
        /**
         * @description Only transactions of at least this amount, in the company's currency.
         * @example 5000
         */
        MinAmount: components["schemas"]["DecimalAmount"];
        /**
         * @description Only transactions of at most this amount, in the company's currency.
         * @example 20000.00
         */
        MaxAmount: components["schemas"]["DecimalAmount"];
        /**
         * @description Only transactions in one of these statuses (repeat the parameter for several).
         * @example [
         *       "POSTED",
         *       "PENDING"
         *     ]
         */
        TransactionStatus: components["schemas"]["TransactionStatus"][];
        /**
         * @description Only transactions whose merchant is in this category.
         * @example TRAVEL
         */
        Category: components["schemas"]["Category"];
        /**
         * @description Only transactions whose merchant name contains this text (case and accents ignored).
         * @example uber
         */
        Merchant: string;
        /**
         * @description A unique key chosen by the client for this change. Repeating a request with the same key
         *     returns the first answer and applies nothing twice. Keys are kept for 24 hours.
         * @example 3f0c9a52-5a7e-4d5e-9a4e-2b1f0c6d7e81
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentUser"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listCards: {
        parameters: {
            query?: {
                /**
                 * @description Page number, from 1.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page.
                 * @example 20
                 */
                size?: components["parameters"]["Size"];
                /**
                 * @description Only cards in this status.
                 * @example LOCKED
                 */
                status?: components["schemas"]["CardStatus"];
                /**
                 * @description Only cards whose cardholder's name contains this text. Case and accents are ignored:
                 *     `luis perez` finds `Luis Pérez`.
                 * @example luis perez
                 */
                cardholder?: string;
                /**
                 * @description Only the card whose number ends with these four digits.
                 * @example 4821
                 */
                last4?: string;
                /**
                 * @description Only cards whose spending limit is at least this amount, in the company's currency.
                 * @example 10000
                 */
                minSpendingLimit?: components["schemas"]["DecimalAmount"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The card's id.
                 * @example card_7Hq2LmX9
                 */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    toggleCardLock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key chosen by the client for this change. Repeating a request with the same key
                 *     returns the first answer and applies nothing twice. Keys are kept for 24 hours.
                 * @example 3f0c9a52-5a7e-4d5e-9a4e-2b1f0c6d7e81
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The card's id.
                 * @example card_7Hq2LmX9
                 */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LockRequest"];
            };
        };
        responses: {
            /** @description The change was applied. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LockResult"];
                };
            };
            /** @description The change was accepted and will be applied shortly. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LockPending"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /**
                 * @description Page number, from 1.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page.
                 * @example 20
                 */
                size?: components["parameters"]["Size"];
                /**
                 * @description Only transactions made with this card.
                 * @example card_7Hq2LmX9
                 */
                cardId?: components["parameters"]["TransactionCardId"];
                /**
                 * @description Only transactions of this cardholder.
                 * @example chd_Lp01
                 */
                cardholderId?: components["parameters"]["CardholderId"];
                /**
                 * @description Start of the period, inclusive: a date (`YYYY-MM-DD`, from the start of that day in the
                 *     company's time zone) or an RFC 3339 date-time.
                 * @example 2026-10-01
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description End of the period, inclusive: a date (`YYYY-MM-DD`, to the end of that day in the company's
                 *     time zone) or an RFC 3339 date-time.
                 * @example 2026-10-31
                 */
                to?: components["parameters"]["To"];
                /**
                 * @description Only transactions of at least this amount, in the company's currency.
                 * @example 5000
                 */
                minAmount?: components["parameters"]["MinAmount"];
                /**
                 * @description Only transactions of at most this amount, in the company's currency.
                 * @example 20000.00
                 */
                maxAmount?: components["parameters"]["MaxAmount"];
                /**
                 * @description Only transactions in one of these statuses (repeat the parameter for several).
                 * @example [
                 *       "POSTED",
                 *       "PENDING"
                 *     ]
                 */
                status?: components["parameters"]["TransactionStatus"];
                /**
                 * @description Only transactions whose merchant is in this category.
                 * @example TRAVEL
                 */
                category?: components["parameters"]["Category"];
                /**
                 * @description Only transactions whose merchant name contains this text (case and accents ignored).
                 * @example uber
                 */
                merchant?: components["parameters"]["Merchant"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of transactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    summarizeTransactions: {
        parameters: {
            query: {
                /**
                 * @description How to group the transactions.
                 * @example category
                 */
                groupBy: "category" | "cardholder" | "merchant" | "card" | "day" | "month";
                /**
                 * @description Return only this many groups, those with the largest totals (all groups when absent).
                 * @example 5
                 */
                limit?: number;
                /**
                 * @description Only transactions made with this card.
                 * @example card_7Hq2LmX9
                 */
                cardId?: components["parameters"]["TransactionCardId"];
                /**
                 * @description Only transactions of this cardholder.
                 * @example chd_Lp01
                 */
                cardholderId?: components["parameters"]["CardholderId"];
                /**
                 * @description Start of the period, inclusive: a date (`YYYY-MM-DD`, from the start of that day in the
                 *     company's time zone) or an RFC 3339 date-time.
                 * @example 2026-10-01
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description End of the period, inclusive: a date (`YYYY-MM-DD`, to the end of that day in the company's
                 *     time zone) or an RFC 3339 date-time.
                 * @example 2026-10-31
                 */
                to?: components["parameters"]["To"];
                /**
                 * @description Only transactions of at least this amount, in the company's currency.
                 * @example 5000
                 */
                minAmount?: components["parameters"]["MinAmount"];
                /**
                 * @description Only transactions of at most this amount, in the company's currency.
                 * @example 20000.00
                 */
                maxAmount?: components["parameters"]["MaxAmount"];
                /**
                 * @description Only transactions in one of these statuses (repeat the parameter for several).
                 * @example [
                 *       "POSTED",
                 *       "PENDING"
                 *     ]
                 */
                status?: components["parameters"]["TransactionStatus"];
                /**
                 * @description Only transactions whose merchant is in this category.
                 * @example TRAVEL
                 */
                category?: components["parameters"]["Category"];
                /**
                 * @description Only transactions whose merchant name contains this text (case and accents ignored).
                 * @example uber
                 */
                merchant?: components["parameters"]["Merchant"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}
