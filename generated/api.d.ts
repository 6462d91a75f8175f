// api types: 7d1d5ddfcb5523c453c080a2 ac23928eeff1307b1b42a8e5
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
         *     `limit` returns only the top groups. Amounts are in the company's currency. `statuses` says
         *     which statuses were counted (every status unless `status` narrows them).
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
    "/api/v3/cards/{cardId}/limit": {
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
         * A card's spending limit and what is left of it
         * @description Returns a card's spending limit, what was spent in the current limit period (today for a
         *     daily limit, the current billing period otherwise), what is still available, and the limit
         *     increase its cardholder asked for when one is waiting for approval. Employees see only their
         *     own cards; another company's card answers 404.
         */
        get: operations["getCardLimit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a card's spending limit
         * @description Sets a card's spending limit to an amount in the company's currency and, optionally, a new
         *     period (DAILY, MONTHLY or PER_TRANSACTION; the current period is kept when absent). Answers
         *     with the card, the limit before and after the change, and which parts changed; setting the
         *     limit it already has succeeds and changes nothing. Only administrators may change limits
         *     (403 for everyone else). A cancelled card's limit cannot be changed (409).
         *
         *     Send an `Idempotency-Key` to make retries safe: a repeated key returns the first answer and
         *     changes nothing again.
         */
        patch: operations["updateCardLimit"];
        trace?: never;
    };
    "/api/v3/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List expense reports
         * @description Lists the company's expense reports, newest first (by when they were created). An expense
         *     report groups expense lines: card purchases (each one a transaction of the submitter's own
         *     card) and out-of-pocket purchases the employee paid themselves and is reimbursed for. A report
         *     is DRAFT until submitted, SUBMITTED while it waits for approval, then APPROVED or REJECTED, and
         *     REIMBURSED once its out-of-pocket lines were paid back.
         *
         *     `from` and `to` compare the report's creation time; without them every report is listed.
         *     Filters combine with AND. Employees see only their own reports.
         */
        get: operations["listExpenses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/expenses/{expenseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The expense report's id.
                 * @example exp_4Tz9Qa2M
                 */
                expenseId: components["schemas"]["ExpenseId"];
            };
            cookie?: never;
        };
        /**
         * Get one expense report
         * @description Returns one expense report with its lines (card purchases with their transaction, and
         *     out-of-pocket purchases), its receipts, the policy rules its lines break, and its approval
         *     request and reimbursement when it has them.
         */
        get: operations["getExpense"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/reimbursements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reimbursements
         * @description Lists the payments that give employees back what they paid out of their own pocket for
         *     approved expense reports, newest first (by when they were created, which is when the report
         *     was approved). `from` and `to` compare that creation time; without them every reimbursement
         *     is listed. Filters combine with AND. Employees see only their own reimbursements.
         */
        get: operations["listReimbursements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/reimbursements/{reimbursementId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The reimbursement's id.
                 * @example rmb_6Yh2Kd9P
                 */
                reimbursementId: components["schemas"]["ReimbursementId"];
            };
            cookie?: never;
        };
        /**
         * Get one reimbursement
         * @description Returns one reimbursement of the caller's company by its id.
         */
        get: operations["getReimbursement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List approval requests
         * @description Lists the requests that wait for, or received, an administrator's decision: submitted expense
         *     reports (EXPENSE_REPORT) and cardholders' requests for a higher card limit (LIMIT_INCREASE),
         *     oldest first, so the longest-waiting come first. Filters combine with AND. Employees see only
         *     their own requests.
         */
        get: operations["listApprovalRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/approvals/{approvalId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The approval request's id.
                 * @example apr_Lp01Limit
                 */
                approvalId: components["parameters"]["ApprovalId"];
            };
            cookie?: never;
        };
        /**
         * Get one approval request
         * @description Returns one approval request of the caller's company by its id, with its decision when it has one.
         */
        get: operations["getApprovalRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/approvals/{approvalId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The approval request's id.
                 * @example apr_Lp01Limit
                 */
                approvalId: components["parameters"]["ApprovalId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a request
         * @description Approves a pending request, with an optional comment for the requester. Approving an
         *     expense report makes it APPROVED and schedules the reimbursement of its out-of-pocket lines;
         *     approving a limit increase sets the card's limit to the amount and period requested.
         *
         *     The answer gives the request after the decision, its previous status and its new one.
         *     Approving a request that is already approved succeeds and changes nothing: `previousStatus`
         *     is then APPROVED, and the request keeps its first decision. A rejected request cannot be
         *     approved (409), nor can a limit increase for a card cancelled since (409). Only
         *     administrators may decide (403 for everyone else).
         *
         *     Send an `Idempotency-Key` to make retries safe: a repeated key returns the first answer and
         *     changes nothing again.
         */
        post: operations["approveApprovalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/approvals/{approvalId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The approval request's id.
                 * @example apr_Lp01Limit
                 */
                approvalId: components["parameters"]["ApprovalId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a request
         * @description Rejects a pending request with a comment that tells the requester why. A rejected expense
         *     report becomes REJECTED; a rejected limit increase leaves the card's limit as it is.
         *
         *     The answer gives the request after the decision, its previous status and its new one.
         *     Rejecting a request that is already rejected succeeds and changes nothing: `previousStatus`
         *     is then REJECTED, and the request keeps its first decision and comment. An approved request
         *     cannot be rejected (409). Only administrators may decide (403 for everyone else).
         *
         *     Send an `Idempotency-Key` to make retries safe: a repeated key returns the first answer and
         *     changes nothing again.
         */
        post: operations["rejectApprovalRequest"];
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
         * @description What a user may do: ADMINISTRATOR (everything; the only role that changes card limits and
         *     decides approval requests), BOOKKEEPER (accounting: reads everything, locks and unlocks
         *     cards), EMPLOYEE (their own cards, expenses, reimbursements and requests only), VIEWER (read only).
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
            /** @description The statuses counted, in the order asked for; every status when `status` was not given. */
            statuses: components["schemas"]["TransactionStatus"][];
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
        /**
         * @description The period a spending limit applies to. DAILY (each day, in the company's time zone), MONTHLY (each billing period), PER_TRANSACTION (each purchase on its own).
         * @enum {string}
         */
        LimitPeriod: "DAILY" | "MONTHLY" | "PER_TRANSACTION";
        /** @description A card's spending limit and how much of it is left. */
        CardLimit: {
            card: components["schemas"]["Card"];
            /** @description The card's spending limit now. */
            limit: components["schemas"]["SpendingLimit"];
            /** @description Posted and pending spending in the current limit period (today for a daily limit, the current billing period otherwise). */
            spentThisPeriod: components["schemas"]["Money"];
            /** @description What may still be spent in the current period (never below zero); for a per-transaction limit, the most one purchase may be. */
            available: components["schemas"]["Money"];
            /** @description The limit increase the cardholder asked for and that waits for approval; null when there is none. */
            pendingIncrease: components["schemas"]["PendingIncrease"] | null;
        };
        /** @description A limit increase waiting for approval. */
        PendingIncrease: {
            approvalId: components["schemas"]["ApprovalId"];
            /** @description The limit asked for. */
            requested: components["schemas"]["SpendingLimit"];
            /**
             * Format: date-time
             * @description When it was asked for.
             */
            requestedAt: string;
        };
        /** @description The new spending limit of a card. */
        LimitChangeRequest: {
            /** @description The new limit in the company's currency, more than zero, as a decimal string (for example "35000" or "35000.00"). */
            amount: components["schemas"]["DecimalAmount"];
            /** @description The period the new limit applies to; the card's current period is kept when absent. */
            period?: components["schemas"]["LimitPeriod"];
        };
        /** @description A change of a card's spending limit, with the limit before and after. */
        LimitChange: {
            /** @description The card after the change. */
            card: components["schemas"]["Card"];
            /** @description The limit before the change. */
            before: components["schemas"]["SpendingLimit"];
            /** @description The limit after the change. */
            after: components["schemas"]["SpendingLimit"];
            /** @description Which parts of the limit changed; both false when the card already had this limit. */
            changed: {
                /** @description Whether the amount changed. */
                amount: boolean;
                /** @description Whether the period changed. */
                period: boolean;
            };
            /**
             * Format: date-time
             * @description When the change was applied (or, when nothing changed, this request's time).
             */
            changedAt: string;
        };
        /**
         * @description An expense report's id.
         * @example exp_4Tz9Qa2M
         */
        ExpenseId: string;
        /**
         * @description DRAFT (not submitted yet), SUBMITTED (waiting for approval), APPROVED, REJECTED, REIMBURSED (approved, and its out-of-pocket lines were paid back).
         * @enum {string}
         */
        ExpenseStatus: "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED" | "REIMBURSED";
        /**
         * @description A company expense rule a line breaks. OVER_CATEGORY_LIMIT (a meal above the company's limit per meal), WEEKEND_SPENDING (spent on a Saturday or Sunday), RESTRICTED_CATEGORY (a category the company does not pay for, such as entertainment).
         * @enum {string}
         */
        PolicyFlag: "OVER_CATEGORY_LIMIT" | "WEEKEND_SPENDING" | "RESTRICTED_CATEGORY";
        /**
         * @description CARD (paid with the submitter's corporate card; the line is that transaction) or OUT_OF_POCKET (paid by the employee, who is reimbursed).
         * @enum {string}
         */
        PaymentMethod: "CARD" | "OUT_OF_POCKET";
        /** @description An expense report without its lines. */
        ExpenseSummary: {
            id: components["schemas"]["ExpenseId"];
            /** @description The report's title */
            title: string;
            /** @description The employee who wrote the report (a cardholder of the company). */
            submitter: components["schemas"]["Cardholder"];
            status: components["schemas"]["ExpenseStatus"];
            /** @description The sum of the report's lines, in the company's currency. */
            total: components["schemas"]["Money"];
            /** @description How many lines the report has. */
            lineCount: number;
            /** @description How many of its lines have no receipt. */
            missingReceipts: number;
            /** @description The policy rules its lines break, each listed once (empty when none). */
            policyFlags: components["schemas"]["PolicyFlag"][];
            /**
             * Format: date-time
             * @description When the report was created.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the report was submitted for approval; null while it is a draft.
             */
            submittedAt: string | null;
        };
        /** @description An expense report with its lines, receipts, policy flags, approval and reimbursement. */
        Expense: {
            id: components["schemas"]["ExpenseId"];
            /** @description The report's title */
            title: string;
            /** @description The employee who wrote the report (a cardholder of the company). */
            submitter: components["schemas"]["Cardholder"];
            status: components["schemas"]["ExpenseStatus"];
            /** @description The sum of the report's lines, in the company's currency. */
            total: components["schemas"]["Money"];
            /** @description How many lines the report has. */
            lineCount: number;
            /** @description How many of its lines have no receipt. */
            missingReceipts: number;
            /** @description The policy rules its lines break, each listed once (empty when none). */
            policyFlags: components["schemas"]["PolicyFlag"][];
            /**
             * Format: date-time
             * @description When the report was created.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the report was submitted for approval; null while it is a draft.
             */
            submittedAt: string | null;
            /** @description The report's lines, oldest first. */
            lines: components["schemas"]["ExpenseLine"][];
            /** @description The receipts attached to the report's lines. */
            receipts: components["schemas"]["Receipt"][];
            /** @description Every policy rule broken, line by line, with an explanation. */
            policyViolations: components["schemas"]["PolicyViolation"][];
            /** @description The approval request made when the report was submitted; null for a draft. */
            approvalRequest: components["schemas"]["ApprovalRef"] | null;
            /** @description The reimbursement of its out-of-pocket lines, once the report is approved; null otherwise. */
            reimbursement: components["schemas"]["ReimbursementRef"] | null;
        };
        /** @description One purchase in an expense report. */
        ExpenseLine: {
            /** @description The line's id. */
            id: string;
            /**
             * Format: date
             * @description The day of the purchase, in the company's time zone.
             */
            date: string;
            /** @description What the purchase was for */
            description: string;
            /** @description Where it was bought. */
            merchant: string;
            category: components["schemas"]["Category"];
            /** @description The amount, in the company's currency. */
            amount: components["schemas"]["Money"];
            paymentMethod: components["schemas"]["PaymentMethod"];
            /** @description The card transaction this line is (CARD lines); null for out-of-pocket lines. */
            transaction: components["schemas"]["TransactionRef"] | null;
            /** @description The id of the line's receipt (see receipts); null when it has none. */
            receiptId: string | null;
            /** @description The policy rules this line breaks (empty when none). */
            policyFlags: components["schemas"]["PolicyFlag"][];
        };
        /** @description A card transaction, by id, with the card used. */
        TransactionRef: {
            /** @description The transaction's id. */
            id: string;
            /** @description The card used. */
            card: {
                id: components["schemas"]["CardId"];
                /** @description The last four digits of the card number. */
                last4: string;
            };
        };
        /** @description A receipt attached to an expense line. */
        Receipt: {
            /** @description The receipt's id. */
            id: string;
            /** @description The line it belongs to. */
            lineId: string;
            /** @description The file's name as uploaded. */
            fileName: string;
            /**
             * @description The file's media type.
             * @enum {string}
             */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            /**
             * Format: date-time
             * @description When it was uploaded.
             */
            uploadedAt: string;
        };
        /** @description One policy rule broken by one line. */
        PolicyViolation: {
            code: components["schemas"]["PolicyFlag"];
            /** @description What is wrong */
            message: string;
            /** @description The line that breaks the rule. */
            lineId: string;
        };
        /** @description An approval request, by id, with its status. */
        ApprovalRef: {
            id: components["schemas"]["ApprovalId"];
            status: components["schemas"]["ApprovalStatus"];
        };
        /** @description A reimbursement, by id, with its status and amount. */
        ReimbursementRef: {
            id: components["schemas"]["ReimbursementId"];
            status: components["schemas"]["ReimbursementStatus"];
            /** @description What is paid back. */
            amount: components["schemas"]["Money"];
        };
        /** @description A page of expense reports. */
        ExpensePage: {
            /** @description The reports on this page, newest first. */
            data: components["schemas"]["ExpenseSummary"][];
            /** @description This page's number */
            page: number;
            /** @description The page size asked for. */
            size: number;
            /** @description How many reports match the filters in all pages. */
            totalItems: number;
            /** @description How many pages there are for this size. */
            totalPages: number;
        };
        /**
         * @description A reimbursement's id.
         * @example rmb_6Yh2Kd9P
         */
        ReimbursementId: string;
        /**
         * @description PENDING (approved, waiting to be paid), PAID (transferred to the employee), FAILED (the transfer was returned; see failureReason).
         * @enum {string}
         */
        ReimbursementStatus: "PENDING" | "PAID" | "FAILED";
        /** @description Money paid back to an employee for the out-of-pocket lines of an approved expense report. */
        Reimbursement: {
            id: components["schemas"]["ReimbursementId"];
            /** @description Who is paid back. */
            employee: components["schemas"]["Cardholder"];
            /** @description The expense report it pays back. */
            expense: {
                id: components["schemas"]["ExpenseId"];
                /** @description The report's title. */
                title: string;
            };
            /** @description What is paid back (the report's out-of-pocket lines), in the company's currency. */
            amount: components["schemas"]["Money"];
            status: components["schemas"]["ReimbursementStatus"];
            /**
             * Format: date-time
             * @description When it was created (when the report was approved).
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the transfer was made; null unless PAID.
             */
            paidAt: string | null;
            /** @description The employee's bank account it is paid to. */
            bankAccount: {
                /** @description The bank's name. */
                bank: string;
                /** @description The last four digits of the account number. */
                last4: string;
            };
            /** @description Why the transfer was returned; null unless FAILED. */
            failureReason: string | null;
        };
        /** @description A page of reimbursements. */
        ReimbursementPage: {
            /** @description The reimbursements on this page, newest first. */
            data: components["schemas"]["Reimbursement"][];
            /** @description This page's number */
            page: number;
            /** @description The page size asked for. */
            size: number;
            /** @description How many reimbursements match the filters in all pages. */
            totalItems: number;
            /** @description How many pages there are for this size. */
            totalPages: number;
        };
        /**
         * @description An approval request's id.
         * @example apr_Lp01Limit
         */
        ApprovalId: string;
        /**
         * @description EXPENSE_REPORT (a submitted expense report) or LIMIT_INCREASE (a cardholder asks for a higher card limit).
         * @enum {string}
         */
        ApprovalType: "EXPENSE_REPORT" | "LIMIT_INCREASE";
        /**
         * @description PENDING (waiting for a decision), APPROVED or REJECTED.
         * @enum {string}
         */
        ApprovalStatus: "PENDING" | "APPROVED" | "REJECTED";
        /** @description A user of the company, by id and name. */
        UserRef: {
            /** @description The user's id. */
            id: string;
            /** @description The user's full name. */
            name: string;
        };
        /** @description What a limit increase asks for. */
        LimitIncrease: {
            /** @description The card whose limit would change. */
            card: {
                id: components["schemas"]["CardId"];
                /** @description The last four digits of the card number. */
                last4: string;
            };
            /** @description The card's limit now while the request is pending; once decided, the limit the card had just before the decision. */
            current: components["schemas"]["SpendingLimit"];
            /** @description The limit asked for. */
            requested: components["schemas"]["SpendingLimit"];
        };
        /** @description A request that needs an administrator's decision. */
        ApprovalRequest: {
            id: components["schemas"]["ApprovalId"];
            type: components["schemas"]["ApprovalType"];
            status: components["schemas"]["ApprovalStatus"];
            /** @description Who asked (the report's submitter, or the card's holder). */
            requestedBy: components["schemas"]["Cardholder"];
            /**
             * Format: date-time
             * @description When it was asked (when the report was submitted).
             */
            requestedAt: string;
            /** @description What is asked for, in the requester's words: the report's title or the reason for the increase. */
            description: string;
            /** @description The report's total, or the limit amount asked for. */
            amount: components["schemas"]["Money"];
            /** @description The expense report (EXPENSE_REPORT requests); null otherwise. */
            expense: {
                id: components["schemas"]["ExpenseId"];
                /** @description The report's title. */
                title: string;
            } | null;
            /** @description The card and limits (LIMIT_INCREASE requests); null otherwise. */
            limitIncrease: components["schemas"]["LimitIncrease"] | null;
            /** @description The administrator who decided; null while pending. */
            decidedBy: components["schemas"]["UserRef"] | null;
            /**
             * Format: date-time
             * @description When it was decided; null while pending.
             */
            decidedAt: string | null;
            /** @description The decider's comment; null when none was given. */
            comment: string | null;
        };
        /** @description A page of approval requests. */
        ApprovalPage: {
            /** @description The requests on this page, oldest first. */
            data: components["schemas"]["ApprovalRequest"][];
            /** @description This page's number */
            page: number;
            /** @description The page size asked for. */
            size: number;
            /** @description How many requests match the filters in all pages. */
            totalItems: number;
            /** @description How many pages there are for this size. */
            totalPages: number;
        };
        /** @description An approval, with an optional comment. */
        ApproveRequest: {
            /** @description A comment for the requester. */
            comment?: string;
        };
        /** @description A rejection, with the reason. */
        RejectRequest: {
            /** @description Why the request is rejected, for the requester. */
            comment: string;
        };
        /** @description A decision on an approval request. */
        ApprovalDecision: {
            /** @description The request after the decision. */
            request: components["schemas"]["ApprovalRequest"];
            /** @description Its status before this call; the same as status when it was already decided this way and nothing changed. */
            previousStatus: components["schemas"]["ApprovalStatus"];
            /** @description Its status now. */
            status: components["schemas"]["ApprovalStatus"];
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
        /**
         * @description The approval request's id.
         * @example apr_Lp01Limit
         */
        ApprovalId: components["schemas"]["ApprovalId"];
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
    getCardLimit: {
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
            /** @description The card's limit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardLimit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCardLimit: {
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
                "application/json": components["schemas"]["LimitChangeRequest"];
            };
        };
        responses: {
            /** @description The limit after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LimitChange"];
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
    listExpenses: {
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
                 * @description Only reports submitted by someone whose name contains this text. Case and accents are
                 *     ignored: `luis perez` finds `Luis Pérez`.
                 * @example luis perez
                 */
                submitter?: string;
                /**
                 * @description Only reports in one of these statuses (repeat the parameter for several).
                 * @example [
                 *       "SUBMITTED"
                 *     ]
                 */
                status?: components["schemas"]["ExpenseStatus"][];
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
                 * @description Only reports with at least one line in this category.
                 * @example LODGING
                 */
                category?: components["schemas"]["Category"];
                /**
                 * @description true for reports with at least one line that has no receipt; false for reports whose every line has one.
                 * @example true
                 */
                missingReceipt?: boolean;
                /**
                 * @description true for reports with at least one policy flag; false for reports with none.
                 * @example true
                 */
                policyViolation?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of expense reports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpensePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getExpense: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The expense report's id.
                 * @example exp_4Tz9Qa2M
                 */
                expenseId: components["schemas"]["ExpenseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The expense report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expense"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listReimbursements: {
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
                 * @description Only reimbursements in one of these statuses (repeat the parameter for several).
                 * @example [
                 *       "PENDING"
                 *     ]
                 */
                status?: components["schemas"]["ReimbursementStatus"][];
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
                 * @description Only reimbursements of an employee whose name contains this text. Case and accents are
                 *     ignored: `luis perez` finds `Luis Pérez`.
                 * @example luis perez
                 */
                employee?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reimbursements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReimbursementPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getReimbursement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The reimbursement's id.
                 * @example rmb_6Yh2Kd9P
                 */
                reimbursementId: components["schemas"]["ReimbursementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reimbursement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reimbursement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listApprovalRequests: {
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
                 * @description Only requests in this status.
                 * @example PENDING
                 */
                status?: components["schemas"]["ApprovalStatus"];
                /**
                 * @description Only requests of this type.
                 * @example LIMIT_INCREASE
                 */
                type?: components["schemas"]["ApprovalType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of approval requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getApprovalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The approval request's id.
                 * @example apr_Lp01Limit
                 */
                approvalId: components["parameters"]["ApprovalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approval request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    approveApprovalRequest: {
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
                 * @description The approval request's id.
                 * @example apr_Lp01Limit
                 */
                approvalId: components["parameters"]["ApprovalId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            /** @description The request is approved (now, or it already was). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalDecision"];
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
    rejectApprovalRequest: {
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
                 * @description The approval request's id.
                 * @example apr_Lp01Limit
                 */
                approvalId: components["parameters"]["ApprovalId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The request is rejected (now, or it already was). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalDecision"];
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
}
