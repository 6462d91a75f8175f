// npm run sandbox:seed -- [--transactions N]: replaces the demo data in SANDBOX_DB (tokens are kept).
import { parseArgs } from "node:util";
import { DEFAULT_DB_FILE, openDatabase } from "../db/db.js";
import { DEFAULT_TRANSACTIONS, seed } from "../seed/seed.js";

const { values } = parseArgs({ options: { transactions: { type: "string" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(`usage: npm run sandbox:seed -- [--transactions N]   (default ${DEFAULT_TRANSACTIONS}; SANDBOX_DB, default ${DEFAULT_DB_FILE})`);
  process.exit(0);
}
const transactions = values.transactions === undefined ? DEFAULT_TRANSACTIONS : Number(values.transactions.replace(/[_,]/g, ""));
if (!Number.isInteger(transactions) || transactions < 0) {
  console.error(`--transactions must be a non-negative integer, got ${JSON.stringify(values.transactions)}`);
  process.exit(2);
}
const file = process.env.SANDBOX_DB ?? DEFAULT_DB_FILE;
const started = Date.now();
const db = openDatabase(file);
const report = seed(db, { transactions });
db.close();
console.log(`Seeded ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.companies} companies, ${report.users} users, ${report.cardholders} cardholders, ${report.cards} cards, ${report.transactions} transactions, ${report.expenses} expense reports, ${report.reimbursements} reimbursements, ${report.approvals} approval requests.`);
