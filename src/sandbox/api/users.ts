// GET /api/v3/me: the caller and their company.
import type { Handler } from "./operation.js";

export const getCurrentUser: Handler = ({ caller }) => ({
  status: 200,
  body: {
    id: caller.userId,
    name: caller.name,
    email: caller.email,
    role: caller.role,
    company: {
      id: caller.company.id,
      legalName: caller.company.legalName,
      country: caller.company.country,
      currency: caller.company.currency,
      timeZone: caller.company.timeZone,
      taxId: caller.company.taxId,
      billingCycle: { statementDay: caller.company.statementDay },
    },
  },
});
