/**
 * Who may call which API route: the one table that the route × role test
 * (test/e2e/route-roles.e2e.test.ts) asserts against the running stack and that the table in
 * docs/SECURITY.md is checked against (test/unit/functions/security-doc.test.ts). Pure data:
 * importable without the stack.
 */

export const CALLERS = [
  "citizen",
  "pendingVolunteer",
  "assignedVolunteer",
  "otherVolunteer",
  "provinceStaff",
  "otherProvinceStaff",
  "nationalStaff",
  "admin",
  "noToken",
  "expiredToken",
  "otherChannelToken",
] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_LABELS: Record<Caller, string> = {
  citizen: "citizen",
  pendingVolunteer: "volunteer, pending",
  assignedVolunteer: "volunteer, assigned",
  otherVolunteer: "volunteer, not assigned",
  provinceStaff: "staff, the case's province",
  otherProvinceStaff: "staff, another province",
  nationalStaff: "staff, national",
  admin: "admin",
  noToken: "no token",
  expiredToken: "expired token",
  otherChannelToken: "token of another channel",
};

export interface RouteRule {
  method: "GET" | "POST" | "PUT";
  /**
   * `:ticket` is a fresh case in Chiang Mai, assigned to the assigned volunteer; `:visit` a
   * visit recorded on it, with one photo.
   */
  path: string;
  /** What the route does, for the table in docs/SECURITY.md. */
  what: string;
  expect: Record<Caller, number>;
  /** Open to anyone, signed in or not: no token is needed, and a bad one is not looked at. */
  open?: true;
}

const UNAUTHENTICATED = { noToken: 401, expiredToken: 401, otherChannelToken: 401 } as const;

/** Every signed-in caller gets `ok`, except those listed. */
function rule(
  method: RouteRule["method"],
  path: string,
  what: string,
  allowed: Partial<Record<Caller, number>>,
  refused = 403,
): RouteRule {
  const signedIn = CALLERS.filter(c => !(c in UNAUTHENTICATED));
  return {
    method,
    path,
    what,
    expect: {
      ...(Object.fromEntries(signedIn.map(c => [c, allowed[c] ?? refused])) as Record<
        Caller,
        number
      >),
      ...UNAUTHENTICATED,
    },
  };
}

const everyone = (status: number) =>
  Object.fromEntries(CALLERS.map(c => [c, status])) as Record<Caller, number>;

/** Those who see the case: the volunteer it is assigned to, its province's staff, national, admin. */
const seeCase = (status: number) => ({
  assignedVolunteer: status,
  provinceStaff: status,
  nationalStaff: status,
  admin: status,
});
/** Those who manage the case: its province's staff, national, admin. */
const manageCase = (status: number) => ({
  provinceStaff: status,
  nationalStaff: status,
  admin: status,
});
/** Every approved staff member with a scope, and admins. */
const anyStaff = (status: number) => ({ ...manageCase(status), otherProvinceStaff: status });

export const ROUTE_RULES: RouteRule[] = [
  {
    method: "GET",
    path: "/health",
    what: "health check: counts only",
    expect: everyone(200),
    open: true,
  },
  rule("GET", "/me", "who am I", everyone(200)),
  rule("GET", "/home", "who am I, with what my home screen shows first", everyone(200)),
  rule("POST", "/volunteers/registration", "register as a volunteer", everyone(202)),
  rule("GET", "/cases", "my assigned cases", { assignedVolunteer: 200, otherVolunteer: 200 }),
  rule("GET", "/cases/:ticket", "a case, with personal data", seeCase(200)),
  rule("GET", "/cases/:ticket/photos/0", "a case's photo", seeCase(200)),
  rule("GET", "/cases/:ticket/media/0", "a case's voice note or video", seeCase(200)),
  rule("GET", "/cases/:ticket/visits/:visit/photos/0", "a visit's photo", seeCase(200)),
  rule("POST", "/cases/:ticket/visits", "record a household visit", seeCase(201)),
  rule("POST", "/cases/:ticket/assistance", "record assistance", seeCase(201)),
  rule("POST", "/cases/:ticket/referrals", "refer to an agency", seeCase(201)),
  rule("POST", "/cases/:ticket/status", "volunteer's status", seeCase(201)),
  rule("POST", "/cases/:ticket/assign", "assign a volunteer", manageCase(201)),
  rule("POST", "/cases/:ticket/staff-status", "staff's status", manageCase(201)),
  rule("GET", "/staff/queue", "the province's queue", anyStaff(200)),
  rule("GET", "/staff/dashboard", "the province's numbers", anyStaff(200)),
  rule("GET", "/staff/export.csv", "export cases", anyStaff(200)),
  rule("GET", "/staff/volunteers", "the province's volunteers", anyStaff(200)),
  rule(
    "POST",
    "/staff/volunteers/:pendingVolunteer/approve",
    "approve a volunteer of Chiang Mai",
    manageCase(200),
  ),
  rule(
    "POST",
    "/staff/volunteers/:pendingVolunteer/reject",
    "reject a volunteer of Chiang Mai, with a reason",
    manageCase(200),
  ),
  rule(
    "POST",
    "/staff/volunteers/:pendingVolunteer/suspend",
    "suspend a volunteer (a pending one here: 409)",
    manageCase(409),
  ),
  rule("GET", "/staff/duty", "the own duty roster", anyStaff(200)),
  rule("PUT", "/staff/duty", "save the own duty roster", anyStaff(200)),
  rule("GET", "/admin/routing", "the routing table", { admin: 200 }),
  rule("PUT", "/admin/routing/50", "edit the routing table", { admin: 200 }),
  rule("GET", "/admin/outbox", "stuck pushes", { admin: 200 }),
  rule("POST", "/admin/outbox/none/retry", "retry a push (none here: 404)", { admin: 404 }),
  rule("POST", "/admin/users/none/disable", "disable an account (none here: 404)", {
    admin: 404,
  }),
  rule("POST", "/admin/users/none/enable", "enable an account (none here: 404)", { admin: 404 }),
  rule("GET", "/admin/welfare-rules", "welfare rule versions", { admin: 200 }),
  rule("POST", "/admin/welfare-rules/check", "check a rule version", { admin: 200 }),
  rule("POST", "/admin/welfare-rules/preview", "preview a version (none sent: 400)", {
    admin: 400,
  }),
  rule("POST", "/admin/welfare-rules", "draft a version (none sent: 400)", { admin: 400 }),
  rule("PUT", "/admin/welfare-rules/none", "edit a draft (none sent: 400)", { admin: 400 }),
  rule("POST", "/admin/welfare-rules/none/submit", "submit a draft (none here: 404)", {
    admin: 404,
  }),
  rule("POST", "/admin/welfare-rules/none/approve", "approve a version (none here: 404)", {
    admin: 404,
  }),
  rule("GET", "/admin/people", "staff and admin accounts", { admin: 200 }),
  rule("POST", "/admin/staff", "make someone staff (no body here: 400)", { admin: 400 }),
  rule("GET", "/admin/help-points", "the help-point directory", { admin: 200 }),
  rule("PUT", "/admin/help-points/none", "edit a help point (no body here: 400)", { admin: 400 }),
  rule("POST", "/admin/help-points/none/remove", "remove a help point (none here: 404)", {
    admin: 404,
  }),
  rule("POST", "/admin/help-points/import", "import help points (no file here: 400)", {
    admin: 400,
  }),
  rule("GET", "/staff/households/template.csv", "target-household list template", anyStaff(200)),
  rule("POST", "/staff/households/import/preview", "check a household list", anyStaff(200)),
  rule("POST", "/staff/households/import", "import a household list", anyStaff(201)),
  rule("POST", "/staff/households/assign", "assign a Chiang Mai village", manageCase(200)),
  rule("GET", "/staff/households/progress", "visit progress", anyStaff(200)),
  rule("GET", "/staff/households/progress.csv", "export visit progress", anyStaff(200)),
  rule("GET", "/households", "my households to visit", {
    assignedVolunteer: 200,
    otherVolunteer: 200,
  }),
  rule("GET", "/households/:household", "a household assigned to the volunteer", seeCase(200)),
  rule("POST", "/households/:household/visits", "visit that household", seeCase(201)),
];

// The two token failures and no token are the same for every route that needs a sign-in.
for (const r of ROUTE_RULES) if (!r.open) Object.assign(r.expect, UNAUTHENTICATED);

/** The markdown table in docs/SECURITY.md, between its markers. */
export function routeRoleTable(): string {
  const header = `| Route | ${CALLERS.map(c => CALLER_LABELS[c]).join(" | ")} |`;
  const line = `|${" --- |".repeat(CALLERS.length + 1)}`;
  const rows = ROUTE_RULES.map(
    r => `| \`${r.method} ${r.path}\` (${r.what}) | ${CALLERS.map(c => r.expect[c]).join(" | ")} |`,
  );
  return [header, line, ...rows].join("\n");
}

export const TABLE_START =
  "<!-- route-roles:start (generated from test/support/route-roles.ts) -->";
export const TABLE_END = "<!-- route-roles:end -->";
