// The manifest: zod validation and checks against the spec; every error names the file, the tool and the field.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildFromManifest } from "../../codegen/build.js";
import { ManifestError, parseManifest } from "../../codegen/manifest.js";
import { claraManifest, manifestWith, problems, tool } from "./clara-copy.js";

const claraSpec = readFileSync("spec/clara.openapi.yaml", "utf8");

describe("manifest validation", () => {
  it("accepts the Clara manifest", async () => {
    const build = await buildFromManifest(manifestWith(() => {}));
    expect(build.model.tools.map((t) => t.name).slice(0, 7)).toEqual(["get_current_user", "list_cards", "get_card", "lock_card", "unlock_card", "list_transactions", "summarize_spending"]);
  });

  it("names the file, the tool and the field for a shape error", () => {
    const raw = structuredClone(claraManifest);
    tool(raw, "lock_card").annotations = { destructiveHint: "no" };
    tool(raw, "get_card").name = "Get-Card";
    tool(raw, "list_cards").pages.limit = { default: 600, max: 500 };
    delete tool(raw, "unlock_card").title;
    let error: ManifestError | undefined;
    try {
      parseManifest(raw, "spec/tools.yaml");
    } catch (e) {
      error = e as ManifestError;
    }
    expect(error).toBeInstanceOf(ManifestError);
    const lines = error!.problems;
    expect(lines).toContainEqual(expect.stringMatching(/^spec\/tools\.yaml: tool lock_card \(tools\[3\]\): annotations\.destructiveHint: /));
    expect(lines).toContainEqual(expect.stringMatching(/^spec\/tools\.yaml: tool Get-Card \(tools\[2\]\): name: must be snake_case/));
    expect(lines).toContainEqual(expect.stringMatching(/^spec\/tools\.yaml: tool list_cards \(tools\[1\]\): pages: limit\.default must not exceed limit\.max/));
    expect(lines).toContainEqual(expect.stringMatching(/^spec\/tools\.yaml: tool unlock_card \(tools\[4\]\): title: /));
  });

  it("rejects unknown keys and duplicate tool names", () => {
    const raw = structuredClone(claraManifest);
    tool(raw, "get_card").paginate = true;
    raw.tools.push({ ...tool(raw, "list_cards") });
    expect(() => parseManifest(raw, "m.yaml")).toThrow(/m\.yaml: tool get_card \(tools\[2\]\): \(the entry\): .*paginate/);
    delete tool(raw, "get_card").paginate;
    expect(() => parseManifest(raw, "m.yaml")).toThrow(/m\.yaml: tool list_cards \(tools\[\d+\]\): name: used by an earlier tool/);
  });

  it("checks a list's slim items and its export against the items, naming the tool and the field", async () => {
    const file = manifestWith((m) => {
      const list = tool(m, "list_transactions");
      list.pages.table = ["authorizedAt", "merchant.nickname", "authorizedAt"];
      list.export.columns[1] = { header: "Date", field: "authorizedAt", format: "datetime" };
      list.export.columns.push({ header: "Mood", field: "mood" }, { header: "Amount when", field: "amount", format: "date" });
      tool(m, "get_card").export = { columns: [{ header: "Id", field: "id" }] };
    });
    const lines = await problems(file);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/list_transactions \(tools\[5\]\): pages\.table\[1\]: no field "merchant\.nickname" in an item of the list/),
        expect.stringMatching(/list_transactions \(tools\[5\]\): pages\.table\[2\]: "authorizedAt" is named twice/),
        expect.stringMatching(/list_transactions \(tools\[5\]\): export\.columns\[1\]\.header: "Date" is used by an earlier column/),
        expect.stringMatching(/list_transactions \(tools\[5\]\): export\.columns\[16\]\.field: no field "mood" in an item of data/),
        expect.stringMatching(/list_transactions \(tools\[5\]\): export\.columns\[17\]\.format: date needs a date-time text, and "amount" is object/),
        expect.stringMatching(/get_card \(tools\[2\]\): export: an export gathers a list page by page: the tool needs pages/),
      ]),
    );
    const raw = structuredClone(claraManifest);
    tool(raw, "list_transactions").pages.fields = ["id"];
    expect(() => parseManifest(raw, "m.yaml")).toThrow(/tool list_transactions \(tools\[5\]\): pages: give fields \(objects\) or table \(rows\), not both/);
  });

  it("refuses a parameter default that does not fit, or that goes with value or hidden", async () => {
    const file = manifestWith((m) => {
      tool(m, "summarize_spending").params.status.default = ["SPENT"];
    });
    expect(await problems(file)).toEqual([expect.stringMatching(/tool summarize_spending \(tools\[6\]\): params\.status\.default: \["SPENT"\] does not fit the parameter/)]);
    const raw = structuredClone(claraManifest);
    tool(raw, "summarize_spending").params.status.hidden = true;
    expect(() => parseManifest(raw, "m.yaml")).toThrow(/tool summarize_spending \(tools\[6\]\): params\.status: a default is for a visible argument/);
  });

  it("fails on an operationId the spec does not have, naming the tool", async () => {
    const file = manifestWith((m) => (tool(m, "get_card").operationId = "fetchCard"));
    const lines = await problems(file);
    expect(lines).toEqual([expect.stringMatching(/tools\.yaml: tool get_card \(tools\[2\]\): operationId: no operation "fetchCard" in the spec/)]);
  });

  it("fails on a parameter the operation does not have, naming the tool and the field", async () => {
    const file = manifestWith((m) => {
      tool(m, "list_transactions").params.cardholder = { hidden: true };
      tool(m, "lock_card").params = { locked: { value: true } };
    });
    const lines = await problems(file);
    expect(lines).toContainEqual(expect.stringMatching(/tool list_transactions \(tools\[5\]\): params\.cardholder: operation listTransactions has no parameter or body field "cardholder"/));
    expect(lines).toContainEqual(expect.stringMatching(/tool lock_card \(tools\[3\]\): params\.locked: operation toggleCardLock has no parameter or body field "locked"/));
  });

  it("fails when the spec drops a parameter a tool names", async () => {
    const file = manifestWith(() => {}, claraSpec.replace("        - $ref: \"#/components/parameters/CardholderId\"\n        - $ref: \"#/components/parameters/From\"\n        - $ref: \"#/components/parameters/To\"\n        - $ref: \"#/components/parameters/MinAmount\"\n        - $ref: \"#/components/parameters/MaxAmount\"\n        - $ref: \"#/components/parameters/TransactionStatus\"\n        - $ref: \"#/components/parameters/Category\"\n        - $ref: \"#/components/parameters/Merchant\"\n      responses:\n        \"200\":\n          description: A page of transactions.", "        - $ref: \"#/components/parameters/From\"\n        - $ref: \"#/components/parameters/To\"\n      responses:\n        \"200\":\n          description: A page of transactions."));
    const lines = await problems(file);
    expect(lines).toEqual([expect.stringMatching(/tool list_transactions \(tools\[5\]\): params\.cardholderId: operation listTransactions has no parameter or body field "cardholderId"/)]);
  });

  it("checks fixed values, helpers and templates against the spec", async () => {
    const file = manifestWith((m) => {
      tool(m, "lock_card").params.lock = { value: "yes" };
      tool(m, "get_card").resolve = { cardId: "cards" };
      tool(m, "list_cards").text.item = "{last4} {holder.name}";
      tool(m, "list_cards").text.heading = "{returned|upper}";
      tool(m, "get_card").text.one = "{last4|plural:card} {spendingLimit.period|words:x}";
      tool(m, "unlock_card").await.until.field = "state";
      tool(m, "unlock_card").confirm[1].when = { previous: "ACTIVE" };
      tool(m, "list_transactions").period.from = "since";
      tool(m, "summarize_spending").roles = ["ADMINISTRATOR", "EMPLOYEE"];
      m.resolvers.card.by[1].query = "lastFour";
    });
    const lines = await problems(file);
    const expected = [
      /resolver card: by\[1\]\.query: operation listCards has no query parameter "lastFour"/,
      /tool list_cards \(tools\[1\]\): text\.heading: \{returned\|upper\}: unknown filter "upper"/,
      /tool list_cards \(tools\[1\]\): text\.item: \{holder\.name\}: no field "holder\.name" in an element of data/,
      /tool get_card \(tools\[2\]\): resolve\.cardId: no resolver named "cards"/,
      /tool get_card \(tools\[2\]\): text\.one: \{last4\|plural:card\}: plural needs a number, and "last4" is string/,
      /tool get_card \(tools\[2\]\): text\.one: \{spendingLimit\.period\|words:x\}: words takes no argument/,
      /tool lock_card \(tools\[3\]\): params\.lock\.value: "yes" does not fit the parameter/,
      /tool unlock_card \(tools\[4\]\): await\.until\.field: no field "state" in the answer of getCard/,
      /tool unlock_card \(tools\[4\]\): confirm\[1\]\.when\.previous: no field "previous" in the answer/,
      /tool list_transactions \(tools\[5\]\): period\.from: "since" is not an argument of this tool/,
      /tool summarize_spending \(tools\[6\]\): roles: "EMPLOYEE" is not one of api\.roles/,
    ];
    for (const pattern of expected) expect(lines).toContainEqual(expect.stringMatching(pattern));
    expect(lines).toHaveLength(expected.length);
  });
});

describe("ask", () => {
  it("is checked against the spec: a read that writes, args that name nothing, preview fields and templates, a taken argument", async () => {
    const file = manifestWith((m) => {
      const update = tool(m, "update_card_limit");
      update.ask.read.args = { cardId: "{cardID}", extra: "x" };
      update.ask.preview[0].when = { "current.limit.span": null, "args.period": "WEEKLY" };
      update.ask.preview[1].text = "{current.card.last4} {args.amount|money:current.nowhere}";
      tool(m, "reject_request").ask.read.operationId = "approveApprovalRequest";
      tool(m, "approve_request").ask.argument = "comment";
      tool(m, "get_card").ask = { read: { operationId: "getCard", args: { cardId: "{cardId}" } }, preview: [{ text: "Sure?" }], unconfirmed: "allow" };
    });
    const lines = await problems(file);
    const expected = [
      /tool get_card \(tools\[2\]\): ask: operation getCard is a GET: only writes ask first/,
      /tool update_card_limit \(tools\[11\]\): ask\.read\.args\.cardId: \{cardID\}: operation updateCardLimit has no parameter "cardID"/,
      /tool update_card_limit \(tools\[11\]\): ask\.read\.args\.extra: operation getCardLimit has no parameter "extra"/,
      /tool update_card_limit \(tools\[11\]\): ask\.preview\[0\]\.when\.current\.limit\.span: no field "current\.limit\.span"/,
      /tool update_card_limit \(tools\[11\]\): ask\.preview\[0\]\.when\.args\.period: "WEEKLY" is never/,
      /tool update_card_limit \(tools\[11\]\): ask\.preview\[1\]\.text: \{args\.amount\|money:current\.nowhere\}: no field "current\.nowhere"/,
      /tool approve_request \(tools\[13\]\): ask\.argument: the tool already has an argument "comment"/,
      /tool reject_request \(tools\[14\]\): ask\.read\.operationId: operation approveApprovalRequest is a POST: the preview must only read/,
    ];
    for (const pattern of expected) expect(lines).toContainEqual(expect.stringMatching(pattern));
  });

  it("shape errors name the tool and the field; the confirmation argument is added to the input", async () => {
    const raw = structuredClone(claraManifest);
    tool(raw, "update_card_limit").ask.unconfirmed = "sometimes";
    expect(() => parseManifest(raw, "spec/tools.yaml")).toThrow(/spec\/tools\.yaml: tool update_card_limit \(tools\[11\]\): ask\.unconfirmed: /);
    const { model } = await buildFromManifest(manifestWith(() => {}));
    const update = model.tools.find((t) => t.name === "update_card_limit")!;
    expect(update.ask).toMatchObject({ read: { operationId: "getCardLimit" }, unconfirmed: "refuse", argument: "confirmation" });
    expect((update.inputSchema.properties as Record<string, unknown>).confirmation).toMatchObject({ type: "string" });
    expect(update.inputSchema.required).not.toContain("confirmation");
    expect(model.tools.find((t) => t.name === "lock_card")!.ask).toBeUndefined();
  });
});

describe("text cases", () => {
  it("take the single-object form or a list of cases; shape errors name the tool and the case", () => {
    const raw = structuredClone(claraManifest);
    tool(raw, "get_card_limit").text = [{ when: { pendingIncrease: null }, one: "none", title: "x" }, { when: { "card.status": "LOCKED" } }, { heading: "h", items: "data" }];
    tool(raw, "get_card").text = "a sentence";
    let error: ManifestError | undefined;
    try {
      parseManifest(raw, "spec/tools.yaml");
    } catch (e) {
      error = e as ManifestError;
    }
    const lines = error!.problems;
    expect(lines).toContainEqual(expect.stringMatching(/^spec\/tools\.yaml: tool get_card_limit \(tools\[10\]\): text\[0\]: Unrecognized key: "title"/));
    expect(lines).toContainEqual("spec/tools.yaml: tool get_card_limit (tools[10]): text[1]: a case says something: one, heading, or items with item");
    expect(lines).toContainEqual("spec/tools.yaml: tool get_card_limit (tools[10]): text[2]: items and item go together");
    expect(lines).toContainEqual(expect.stringMatching(/^spec\/tools\.yaml: tool get_card \(tools\[2\]\): text: one text \{ one \| heading, items, item \} or a list of cases/));
    expect(lines).toHaveLength(4);
  });

  it("are checked against the answer: when fields and values, templates, items, and cases never reached", async () => {
    const file = manifestWith((m) => {
      tool(m, "get_card_limit").text = [
        { when: { "pendingIncrease.amount": null }, one: "{card.last4}" },
        { when: { "limit.period": "WEEKLY" }, one: "{card.last4}" },
        { one: "{card.lastFour}" },
        { heading: "{card.last4}", items: "card", item: "{x}" },
      ];
      tool(m, "get_expense").text[0].item = "{date} {amount|plural:euro}";
      tool(m, "lock_card").confirm[1].when = { previousStatus: "FROZEN" };
    });
    const lines = await problems(file);
    const expected = [
      /tool get_expense \(tools\[8\]\): text\[0\]\.item: \{amount\|plural:euro\}: plural needs a number, and "amount" is object/,
      /tool get_card_limit \(tools\[10\]\): text\[0\]\.when\.pendingIncrease\.amount: no field "pendingIncrease\.amount" in the answer/,
      /tool get_card_limit \(tools\[10\]\): text\[1\]\.when\.limit\.period: "WEEKLY" is never the answer's limit\.period: value must be equal to one of the allowed values/,
      /tool get_card_limit \(tools\[10\]\): text\[2\]\.one: \{card\.lastFour\}: no field "card\.lastFour" in the answer/,
      /tool get_card_limit \(tools\[10\]\): text\[3\]\.items: "card" is not an array field of the answer/,
      /tool get_card_limit \(tools\[10\]\): text\[3\]: never used: text\[2\] has no when and always applies/,
      /tool lock_card \(tools\[3\]\): confirm\[1\]\.when\.previousStatus: "FROZEN" is never the answer's previousStatus/,
    ];
    for (const pattern of expected) expect(lines).toContainEqual(expect.stringMatching(pattern));
    expect(lines).toHaveLength(expected.length);
  });

  it("are emitted as the manifest gives them: one entry stays an object, cases stay a list", async () => {
    const { model } = await buildFromManifest(manifestWith(() => {}));
    const byName = new Map(model.tools.map((t) => [t.name, t]));
    expect(byName.get("get_card")!.text).toEqual({ one: expect.stringContaining("•••• {last4}") });
    expect(byName.get("get_card_limit")!.text).toEqual([
      { when: { pendingIncrease: null }, one: expect.stringContaining("no increase waiting for approval") },
      { one: expect.stringContaining("{pendingIncrease.approvalId}") },
    ]);
  });

  it("take an item as a template or a list of cases { when?, text }; shape errors name the tool, the case and the field", () => {
    const raw = structuredClone(claraManifest);
    tool(raw, "list_cards").text.item = [{ when: { status: "LOCKED" }, text: "locked", one: "x" }, { when: { status: "ACTIVE" } }];
    tool(raw, "list_transactions").text.item = [];
    tool(raw, "get_expense").text[1].item = { text: "{date}" };
    tool(raw, "list_reimbursements").text.item = [{ when: "PAID", text: "{id}" }];
    let error: ManifestError | undefined;
    try {
      parseManifest(raw, "spec/tools.yaml");
    } catch (e) {
      error = e as ManifestError;
    }
    expect(error!.problems.sort()).toEqual([
      'spec/tools.yaml: tool get_expense (tools[8]): text[1].item: a template, or a list of cases { when?, text } over the element',
      'spec/tools.yaml: tool list_cards (tools[1]): text.item[0]: Unrecognized key: "one"',
      "spec/tools.yaml: tool list_cards (tools[1]): text.item[1].text: Invalid input: expected string, received undefined",
      "spec/tools.yaml: tool list_reimbursements (tools[9]): text.item[0].when: Invalid input: expected record, received string",
      "spec/tools.yaml: tool list_transactions (tools[5]): text.item: Too small: expected array to have >=1 items",
    ]);
  });

  it("check item cases against the element: when fields and values, templates, cases never reached", async () => {
    const file = manifestWith((m) => {
      tool(m, "list_cards").text.item = [
        { when: { status: "LOCKED", "cardholder.name": null }, text: "{last4} locked" },
        { when: { state: "LOCKED" }, text: "{last4}" },
        { when: { status: "FROZEN" }, text: "{last4}" },
        { when: { status: "ACTIVE" }, text: "{lastFour} {returned}" },
        { text: "{last4}" },
        { when: { status: "CANCELLED" }, text: "{last4}" },
      ];
      tool(m, "list_expenses").text.item = [{ when: { policyFlags: ["OVERSPENT"] }, text: "{id}" }, { text: "{id}" }];
    });
    const lines = await problems(file);
    const expected = [
      /tool list_cards \(tools\[1\]\): text\.item\[1\]\.when\.state: no field "state" in an element of data$/,
      /tool list_cards \(tools\[1\]\): text\.item\[2\]\.when\.status: "FROZEN" is never an element's status: value must be equal to one of the allowed values/,
      /tool list_cards \(tools\[1\]\): text\.item\[3\]\.text: \{lastFour\}: no field "lastFour" in an element of data$/,
      /tool list_cards \(tools\[1\]\): text\.item\[3\]\.text: \{returned\}: no field "returned" in an element of data$/,
      /tool list_cards \(tools\[1\]\): text\.item\[5\]: never used: text\.item\[4\] has no when and always applies/,
      /tool list_expenses \(tools\[7\]\): text\.item\[0\]\.when\.policyFlags: \["OVERSPENT"\] is never an element's policyFlags/,
    ];
    for (const pattern of expected) expect(lines).toContainEqual(expect.stringMatching(pattern));
    expect(lines).toHaveLength(expected.length);
  });

  it("emit item cases as the manifest gives them, and the string form as a string", async () => {
    const { model } = await buildFromManifest(manifestWith(() => {}));
    const byName = new Map(model.tools.map((t) => [t.name, t]));
    expect(byName.get("list_cards")!.text).toEqual({ heading: expect.any(String), items: "data", item: expect.stringContaining("•••• {last4}") });
    const expenses = byName.get("list_expenses")!.text as { item: unknown };
    expect(expenses.item).toEqual([
      { when: { policyFlags: [] }, text: expect.stringContaining("no policy flags") },
      { text: expect.stringContaining("policy flags: {policyFlags|words}") },
    ]);
    const stages = byName.get("get_expense")!.text as Array<{ item: unknown }>;
    expect(stages.every((stage) => JSON.stringify(stage.item) === JSON.stringify(stages[0]!.item))).toBe(true);
    expect(stages[0]!.item).toHaveLength(8);
  });
});
