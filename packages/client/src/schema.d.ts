/* Generated from openapi.json by scripts/generate.mjs — do not edit. */
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Web Key Set of the access-token signing keys (current and recently rotated) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan item (with the private notes about it, for advisors) */
        get: operations["getActionItem"];
        put?: never;
        post?: never;
        /** Remove an item from the plan */
        delete: operations["deleteActionItem"];
        options?: never;
        head?: never;
        /** Change an item: status, due date, owner, linked tool or resource… */
        patch: operations["updateActionItem"];
        trace?: never;
    };
    "/v1/action-items/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow-up comments on an item, oldest first */
        get: operations["listActionItemComments"];
        put?: never;
        /** Comment on an item (seen by the collectivité and its advisor) */
        post: operations["createActionItemComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-plans/{organisationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The action plan of a collectivité with its progress
         * @description Members of the collectivité, its assigned advisor while it consents, admins. `privateNotes` is present for advisors and admins only.
         */
        get: operations["getActionPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-plans/{organisationId}/from-diagnostic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn recommendations of a submitted diagnostic into plan items in one step
         * @description Without `diagnosticId`, the latest submitted diagnostic. Recommendations already in the plan are skipped.
         */
        post: operations["createActionItemsFromDiagnostic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-plans/{organisationId}/hints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Done items as hints for the questions of the next diagnostic */
        get: operations["getActionPlanHints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-plans/{organisationId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an item written by hand */
        post: operations["createActionItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-plans/{organisationId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Private advisor notes on a plan (advisors and admins only) */
        get: operations["listAdvisorNotes"];
        put?: never;
        /** Write a private note the collectivité never sees (advisors and admins only) */
        post: operations["createAdvisorNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/advisor-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assignments I can see (all: admins; my operator’s: coordinator; mine: advisor; my collectivités’) */
        get: operations["listAdvisorAssignments"];
        put?: never;
        /** Assign an advisor to a collectivité (admins, the coordinator of the operator) */
        post: operations["assignAdvisor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/advisor-assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End an assignment (admins, the coordinator of the operator) */
        delete: operations["unassignAdvisor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/advisor-dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your collectivités: latest level, open and overdue items, last contact, pending requests
         * @description The platform admin and the administrators of the advisor’s operator may read an advisor’s dashboard with `advisorId`.
         */
        get: operations["getAdvisorDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/advisor-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your private note */
        delete: operations["deleteAdvisorNote"];
        options?: never;
        head?: never;
        /** Edit your private note */
        patch: operations["updateAdvisorNote"];
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sensitive actions: logins, role changes, key rotations, erasures… (the platform admin; an operator’s administrators: their own actions), newest first */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the address confirmation link again */
        post: operations["requestEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirm the address (signs in) */
        get: operations["verifyEmailByLink"];
        put?: never;
        /** Confirm the address (signs in) */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description An unknown address and a wrong password get the same 401 answer, in the same time.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/magic-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a sign-in link by email (single use, 15 minutes)
         * @description Same answer whether the address has an account or not.
         */
        post: operations["requestMagicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/magic-link/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in with the token of a magic link */
        get: operations["verifyMagicLinkByUrl"];
        put?: never;
        /** Sign in with the token of a magic link */
        post: operations["verifyMagicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one can sign in here (to show the right buttons) */
        get: operations["authMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider sends the browser back: completes the login with a single-use code
         * @description Tokens never reach the browser. Redirects to OIDC_SUCCESS_REDIRECT (default: the web page PUBLIC_URL/connexion/proconnect) with `?code=` (single use, OIDC_EXCHANGE_TTL_SECONDS, default 60 s), or `?error=<problem code>` when the login failed; the front-end’s server exchanges the code at POST /v1/auth/oidc/exchange. With OIDC_SUCCESS_REDIRECT=json, answers the code as JSON instead.
         */
        get: operations["oidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the code of an OpenID Connect login for a token pair (once, within 60 s)
         * @description Called by the front-end’s server with the `code` the callback gave its page. An unknown, used or expired code answers 400 OSI_IDENTITY_INVALID_LINK.
         */
        post: operations["oidcExchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start an OpenID Connect login (e.g. ProConnect): redirects to the provider */
        get: operations["oidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a password reset link by email */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token of a reset link (ends every session) */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair (the old one stops working)
         * @description Presenting a refresh token that was already used ends its whole session.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account (an email is sent to confirm the address)
         * @description Answers 202 in every case, so that nobody learns whether an address has an account: a new address receives a confirmation link (EmailVerificationRequested), a known one a sign-in link (MagicLinkRequested). A password can be set once signed in (PUT /v1/users/me/password).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/benchmarks/national-2023": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 2023 national survey figures (versioned reference dataset, with sources) */
        get: operations["getNationalBenchmark"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole published catalogue as CSV (UTF-8, comma-separated, lists joined with " | ") */
        get: operations["exportCatalogueCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue/export.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole published catalogue as JSON (open data, Licence Ouverte 2.0) */
        get: operations["exportCatalogueJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Past imports and their counts */
        get: operations["listImports"];
        put?: never;
        /**
         * Import a SILL file as published (Catalogi v1/v2, sill-softwares.json, sill.json), a Comptoir du Libre export, or this catalogue's export.json / export.csv
         * @description The body is the file itself (JSON, or CSV with `text/csv`). Each entry is checked on its own: a bad entry is refused with its problems, the others are imported. Known software (by the source's own id, another id with a matching name, then the exact name) only gets its empty fields filled; unknown software becomes a draft with suggested categories. Shared ids and near-duplicate names are reported, never merged silently. `dryRun=true` writes nothing and tells what would happen. The per-entry report is paginated (`reportOffset`, `reportLimit`) and kept: `GET /v1/catalogue/imports/{id}` reads it again.
         */
        post: operations["importCatalogue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One past import (or dry run) and a page of its per-entry report */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tool categories (taxonomy) with the number of published tools */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your collections (with `?resource=<slug>`: whether each holds that resource) */
        get: operations["listCollections"];
        put?: never;
        /** Create a collection */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collection and its resources */
        get: operations["getCollection"];
        put?: never;
        post?: never;
        /** Delete a collection */
        delete: operations["deleteCollection"];
        options?: never;
        head?: never;
        /** Rename a collection */
        patch: operations["updateCollection"];
        trace?: never;
    };
    "/v1/collections/{id}/items/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Bookmark a resource in a collection (idempotent) */
        put: operations["addToCollection"];
        post?: never;
        /** Remove a resource from a collection */
        delete: operations["removeFromCollection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comment */
        get: operations["getComment"];
        put?: never;
        post?: never;
        /** Delete your comment (or any, for editors) */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comments/{id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide or restore a comment (editors) */
        post: operations["moderateComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comments/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a comment to the editors */
        post: operations["reportComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/criteria": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Custom criteria (national ones, and those of your operator) */
        get: operations["listCriteria"];
        put?: never;
        /** Define a criterion (an operator’s editor defines criteria of that operator) */
        post: operations["createCriterion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/criteria/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a criterion and its values */
        delete: operations["deleteCriterion"];
        options?: never;
        head?: never;
        /** Change a criterion (its kind and key never change) */
        patch: operations["updateCriterion"];
        trace?: never;
    };
    "/v1/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Embedded demo only: emails written to the development mailbox, newest first
         * @description Answers loopback clients only (403 OSI_NOTIFICATIONS_LOOPBACK_ONLY otherwise).
         */
        get: operations["listDevMailbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dev/mailbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Embedded demo only: one email, as text and HTML (`?format=eml` for the raw message) */
        get: operations["getDevMailboxMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnostics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Diagnostics of a collectivité, newest first */
        get: operations["listDiagnostics"];
        put?: never;
        /** Start a diagnostic for my collectivité (or resume the draft in progress) */
        post: operations["startDiagnostic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnostics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A diagnostic with its answers (who answered what, when) and its progress */
        get: operations["getDiagnostic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnostics/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Autosave: partial update of answers (null clears an answer) */
        patch: operations["saveAnswers"];
        trace?: never;
    };
    "/v1/diagnostics/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report of a submitted diagnostic as JSON (same content as the PDF) */
        get: operations["getDiagnosticReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnostics/{id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report of a submitted diagnostic as a PDF */
        get: operations["getDiagnosticReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnostics/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scores, level, strengths and weaknesses, recommendations and benchmarks */
        get: operations["getDiagnosticResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnostics/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit: checks completeness, computes and freezes the result */
        post: operations["submitDiagnostic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retours d’expérience of collectivités (hidden posts never appear) */
        get: operations["listExperiences"];
        put?: never;
        /** Share an experience on behalf of your collectivité */
        post: operations["createExperience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An experience post */
        get: operations["getExperience"];
        put?: never;
        post?: never;
        /** Delete your post (or any, for editors) */
        delete: operations["deleteExperience"];
        options?: never;
        head?: never;
        /** Change your post */
        patch: operations["updateExperience"];
        trace?: never;
    };
    "/v1/experiences/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments of a post, oldest first */
        get: operations["listExperienceComments"];
        put?: never;
        /** Comment a post (Markdown, sanitised) */
        post: operations["commentExperience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiences/{id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide or restore a post (editors); hidden posts and their comments disappear everywhere */
        post: operations["moderateExperience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiences/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a post to the editors */
        post: operations["reportExperience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiences/{id}/useful": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Vote "utile" (once per person) */
        put: operations["markExperienceUseful"];
        post?: never;
        /** Withdraw your "utile" vote */
        delete: operations["unmarkExperienceUseful"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/gap-portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Weaknesses and training wishes across an operator’s collectivités
         * @description Counts each collectivité once (its latest submitted diagnostic), per gap, population bracket and département. Advisors and administrators of an operator read their operator’s; the platform admin names one with `operatorId`.
         */
        get: operations["getGapPortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/gap-portfolio.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gap portfolio as CSV (one line per gap) */
        get: operations["getGapPortfolioCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations of a collectivité (referents, admins) */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite a colleague by email (referents, admins): single use, 7 days
         * @description The link travels in InvitationRequested (the notifications service emails it).
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accept an invitation: joins the collectivité and signs in (creates the account if needed) */
        get: operations["acceptInvitationByLink"];
        put?: never;
        /** Accept an invitation: joins the collectivité and signs in (creates the account if needed) */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation (referents, admins) */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, filtered (why did an email not arrive?): every one for the platform admin, those to its people for an operator’s administrator */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notification preferences (defaults where I chose nothing) */
        get: operations["getNotificationPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some of my notification preferences */
        patch: operations["updateNotificationPreferences"];
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My in-app notifications, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my in-app notifications are unread */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my notifications */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log of a notification (the person it was for, or an admin) */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a relayed contact message (relayed in turn, without exposing your address) */
        post: operations["replyToNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tools that operators host for their collectivités */
        get: operations["listOperatorOffers"];
        put?: never;
        /** Declare a tool your operator hosts for its collectivités */
        post: operations["createOperatorOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator-offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an offer of your operator */
        delete: operations["deleteOperatorOffer"];
        options?: never;
        head?: never;
        /** Edit an offer of your operator */
        patch: operations["updateOperatorOffer"];
        trace?: never;
    };
    "/v1/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operators (public: front-ends show their branding) */
        get: operations["listOperators"];
        put?: never;
        /**
         * Create an operator (admins); its coordinator becomes one of its advisors
         * @description Collectivités already registered in the départements it covers, and attached to no operator, are attached to it.
         */
        post: operations["createOperator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One operator */
        get: operations["getOperator"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an operator (admins) */
        patch: operations["updateOperator"];
        trace?: never;
    };
    "/v1/organisation-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Claims I made, and those I decide (my syndicate’s collectivités, my verified collectivités)
         * @description Competing claims on one collectivité are all listed, each with `competing` (the other pending claims). `mine=true` keeps only the caller’s own.
         */
        get: operations["listOrganisationClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisation-claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A claim (its claimant, its deciders) */
        get: operations["getOrganisationClaim"];
        put?: never;
        post?: never;
        /** Withdraw my pending claim (and leave the unverified collectivité) */
        delete: operations["withdrawOrganisationClaim"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisation-claims/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify or reject a pending claim (the syndicate: coordinator, administrators; a verified referent)
         * @description Verifying a claim on a pending collectivité verifies it, makes the claimant its referent and removes the memberships other claimants held on it (their claims stay pending). Rejecting removes the claimant from a pending collectivité. Both email the claimant and the reviewers.
         */
        post: operations["decideOrganisationClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collectivités I can see (mine; assigned ones for advisors; all for admins) */
        get: operations["listOrganisations"];
        put?: never;
        /**
         * Claim my collectivité by its official code (verified by ProConnect, its syndicate or an invitation)
         * @description Name, population (and bracket), département, région and EPCI come from the official data; a code unknown there is refused (422, field officialCode). Not yet registered: 201 with the collectivité, `verification: "pending"` — the caller holds it as a pending member (not referent) and a pending claim is sent to its syndicate. Already registered: 202 with the caller’s claim (pending; the syndicate — or, once verified, its referents — decide; 409 OSI_IDENTITY_ALREADY_MEMBER if already a member). A caller whose ProConnect establishment (SIRET) belongs to the collectivité’s SIREN is verified at once (claim `method: "oidc-siret"`). Until verified a collectivité uses everything for itself but counts in no statistic and cannot invite or contact peers. Syndicats (kind "syndicat", SIREN and name) are registered by admins, verified.
         */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a collectivité in the official data by name, postcode or code (accent-insensitive)
         * @description Searches the official administrative data (communes, EPCI, départements, régions), whether registered here or not: for onboarding.
         */
        get: operations["searchOfficialOrganisations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collectivité (members, its assigned advisors, its operator coordinator, admins) */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Attach a collectivité to another operator, rename a syndicat (admins) */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/v1/organisations/{id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Let our assigned advisors see our diagnostics (referents) */
        put: operations["grantAdvisorConsent"];
        post?: never;
        /** Stop letting advisors see our diagnostics, at once (referents) */
        delete: operations["revokeAdvisorConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a collectivité */
        get: operations["listOrganisationMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (referents, admins) or leave (oneself) */
        delete: operations["removeOrganisationMember"];
        options?: never;
        head?: never;
        /** Change a member’s role or make them referent (referents, admins) */
        patch: operations["updateOrganisationMember"];
        trace?: never;
    };
    "/v1/panorama": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anonymised aggregate statistics over the latest diagnostic of each collectivité */
        get: operations["getPanorama"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/panorama.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The panorama as CSV (open data): one row per published group, documented columns */
        get: operations["getPanoramaCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Providers, filterable by kind, region served and tool */
        get: operations["listProviders"];
        put?: never;
        /** Add a provider */
        post: operations["createProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A provider and its offers */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        /** Delete a provider and its offers */
        delete: operations["deleteProvider"];
        options?: never;
        head?: never;
        /** Edit a provider */
        patch: operations["updateProvider"];
        trace?: never;
    };
    "/v1/providers/{slug}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an offer of a provider on a tool (regions served, price indication) */
        post: operations["createProviderOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/{slug}/offers/{offerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a provider’s offer */
        delete: operations["deleteProviderOffer"];
        options?: never;
        head?: never;
        /** Edit a provider’s offer */
        patch: operations["updateProviderOffer"];
        trace?: never;
    };
    "/v1/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questionnaire versions (the latest is used by new diagnostics) */
        get: operations["listQuestionnaires"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/questionnaires/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One questionnaire version: questions, help texts, options, scores, weights, conditions */
        get: operations["getQuestionnaire"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your registrations, next session first */
        get: operations["listMyRegistrations"];
        put?: never;
        /** Register to a session: a seat if one is left, else the waiting list */
        post: operations["registerToSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/me.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** iCalendar file of your registrations (Europe/Paris time zone) */
        get: operations["myRegistrationsCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One registration (yours, or of a session you organise) */
        get: operations["getRegistration"];
        put?: never;
        post?: never;
        /** Cancel a registration; the first person waiting gets the seat */
        delete: operations["cancelRegistration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search resources (French full text, facets, sorts)
         * @description Accent-insensitive, stemmed French search over title, summary and body, with typo tolerance on titles. Multi-valued filters accept `?theme=a&theme=b` or `?theme=a,b` (OR within a filter, AND across filters). Facet counts are disjunctive: each facet ignores its own filter. Staff may pass `status` to see drafts of their scope.
         */
        get: operations["searchResources"];
        put?: never;
        /**
         * Create a draft resource (editors; advisors as contributors)
         * @description The resource belongs to the caller’s scope: national for national staff, local for an operator’s staff (`operatorId` defaults to it).
         */
        post: operations["createResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/for-you": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** "Pour vous": resources on the themes a diagnostic found weak */
        get: operations["resourcesForYou"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports readers made on resources, experiences and comments (editors) */
        get: operations["listContentReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/reports/{id}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a report as resolved or dismissed (editors) */
        post: operations["resolveContentReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/vocabulary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Types, audiences, levels, statuses, themes and report reasons with their French labels */
        get: operations["resourceVocabulary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resource, its sanitised HTML body and attachments */
        get: operations["getResource"];
        put?: never;
        post?: never;
        /** Delete a draft (published content is archived instead) */
        delete: operations["deleteResource"];
        options?: never;
        head?: never;
        /** Change a resource (recorded in its history) */
        patch: operations["updateResource"];
        trace?: never;
    };
    "/v1/resources/{slug}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a file (multipart/form-data, field "file")
         * @description PDF, images, OpenDocument and Office documents, CSV/TXT/Markdown; the type is checked from the content. At most 10485760 bytes.
         */
        post: operations["uploadResourceAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{slug}/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: operations["downloadResourceAttachment"];
        put?: never;
        post?: never;
        /** Remove an attachment */
        delete: operations["deleteResourceAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{slug}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what and when */
        get: operations["resourceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{slug}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a resource as outdated or wrong */
        post: operations["reportResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{slug}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a resource in the workflow: draft → in-review → published → archived
         * @description Advisors may submit their own drafts for review; only editors of the resource’s scope publish, archive or send back.
         */
        post: operations["transitionResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moderation queue: reviews by status, most reported first */
        get: operations["listReviewsForModeration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One review as its moderators see it, with the reasons of its reports */
        get: operations["getReviewForModeration"];
        put?: never;
        post?: never;
        /** Withdraw your review (or remove one, as an editor) */
        delete: operations["deleteReview"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish or reject a review */
        post: operations["moderateReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a published review to the moderators */
        post: operations["reportReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Support requests you may see (your collectivités’, or routed to you) */
        get: operations["listSupportRequests"];
        put?: never;
        /**
         * Ask an advisor for help (members of the collectivité)
         * @description Routed at once to the advisors of the collectivité’s operator: those assigned to it, else those covering its département, else the operator’s coordinator.
         */
        post: operations["createSupportRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A support request with its timeline */
        get: operations["getSupportRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-requests/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pick a request up (advisors), or hand it to a colleague of the same operator */
        post: operations["assignSupportRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-requests/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow-up messages of a request, oldest first */
        get: operations["listSupportMessages"];
        put?: never;
        /** Write a follow-up message (the collectivité or its advisor) */
        post: operations["postSupportMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-requests/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start working on a request (advisors) or close it (either side) */
        post: operations["setSupportRequestStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tool-usages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The declarations of one of your collectivités */
        get: operations["listToolUsages"];
        put?: never;
        /** Declare that your collectivité uses, evaluates or abandoned a tool */
        post: operations["declareToolUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tool-usages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a declaration of your collectivité */
        delete: operations["withdrawToolUsage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search tools (French full text, facets, filters, sorts)
         * @description Accent-insensitive, stemmed, typo-tolerant French search with domain synonyms ("visio" finds videoconference tools). Facet counts apply every filter except their own.
         */
        get: operations["searchTools"];
        put?: never;
        /** Create a tool (draft unless status is published) */
        post: operations["createTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare 2 to 4 tools on every criterion */
        get: operations["compareTools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish several drafts at once (e.g. those of an import): all or nothing
         * @description Each publication is recorded in the tool’s history and emits its event; tools already published are listed as unchanged. An unknown slug refuses the whole batch (404).
         */
        post: operations["publishTools"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tool with its criteria, offers, similar tools and alternatives */
        get: operations["getTool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a tool, publish or archive it (recorded in its history) */
        patch: operations["updateTool"];
        trace?: never;
    };
    "/v1/tools/{slug}/attributes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the value of a custom criterion on a tool */
        put: operations["setToolAttribute"];
        post?: never;
        /** Remove the value of a custom criterion from a tool */
        delete: operations["clearToolAttribute"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a collectivité that uses the tool to get in touch (relayed, no email exposed)
         * @description From and to verified collectivités only: an unverified sender is refused (403 OSI_CATALOGUE_NOT_VERIFIED), an unverified target is not found (404).
         */
        post: operations["contactToolUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Change history of a tool (who, when, what) */
        get: operations["getToolHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published reviews of a tool */
        get: operations["listToolReviews"];
        put?: never;
        /** Review a tool your collectivité declared using (published after moderation) */
        post: operations["submitReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}/usages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who uses it: counts by population bracket and département, contactable collectivités */
        get: operations["getToolUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/training-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session with its seats left and your registration */
        get: operations["getTrainingSession"];
        put?: never;
        post?: never;
        /** Delete a session nobody is registered to (cancel a session with registrants first) */
        delete: operations["deleteTrainingSession"];
        options?: never;
        head?: never;
        /** Change a session; more seats go to the people waiting */
        patch: operations["updateTrainingSession"];
        trace?: never;
    };
    "/v1/training-sessions/{id}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** iCalendar file of a session (Europe/Paris time zone) */
        get: operations["trainingSessionCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/training-sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a session: its registrations are kept as cancelled and every registrant and waiting person is told, with a calendar cancellation */
        post: operations["cancelTrainingSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/training-sessions/{id}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People registered and waiting (organisers) */
        get: operations["listSessionRegistrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trainings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trainings (national and those of your operator), next session first */
        get: operations["listTrainings"];
        put?: never;
        /** Create a training (editors; local to their operator unless national) */
        post: operations["createTraining"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trainings/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A training and its sessions with seats left */
        get: operations["getTraining"];
        put?: never;
        post?: never;
        /** Delete a training with its sessions and registrations */
        delete: operations["deleteTraining"];
        options?: never;
        head?: never;
        /** Change a training */
        patch: operations["updateTraining"];
        trace?: never;
    };
    "/v1/trainings/{slug}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan a session (times in Europe/Paris) */
        post: operations["createTrainingSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an unsubscribe link would turn off (HTML confirmation page for browsers) */
        get: operations["showUnsubscribe"];
        put?: never;
        /** Turn off the emails of one category (one-click, RFC 8058; no login) */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts (the platform admin; an operator’s administrators: its staff and the members of its collectivités) */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile, roles and collectivités */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /** Erase my account (GDPR): personal data removed, every service told (UserErased) */
        delete: operations["eraseMe"];
        options?: never;
        head?: never;
        /** Change my name or job title */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/users/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything every service holds about me (GDPR), as one JSON archive: one part per service (503 while one does not answer) */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or change my password (my other sessions end)
         * @description argon2id; at least 12 characters. Changing an existing password needs it (currentPassword).
         */
        put: operations["setMyPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My active sessions */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        /** Log out everywhere (every session, this one included) */
        delete: operations["revokeAllMySessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions */
        delete: operations["revokeMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account (admins, within their scope) */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Erase an account (the platform admin, e.g. on a GDPR request received by other means) */
        delete: operations["eraseUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the platform roles of an account: any by the platform admin; advisors and editors of its own operator by an operator’s administrator */
        put: operations["setUserRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints I manage */
        get: operations["listWebhooks"];
        put?: never;
        /** Register a webhook endpoint (the secret is shown only in this answer) */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (never its secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Remove an endpoint and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change an endpoint; `enabled: true` re-enables one disabled after failures */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log of an endpoint, newest first */
        get: operations["listWebhookDeliveries"];
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
        Problem: {
            /** @description URI identifying the problem type */
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable code, e.g. OSI_IDENTITY_EMAIL_TAKEN */
            code: string;
            detail?: string;
            instance?: string;
            /** @description Id of the request (also in the x-request-id header and the logs) */
            requestId?: string;
            errors?: {
                /** @description JSON pointer or dotted path of the offending field */
                field: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: ({
                            alg: string;
                            kid: string;
                            kty: string;
                            use: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
    };
    getActionItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commentCount: number;
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        description: string | null;
                        diagnosticId: string | null;
                        dueDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organisationId: string;
                        overdue: boolean;
                        owner: string | null;
                        priority: number | null;
                        /** @description Advisors only */
                        privateNotes?: {
                            authorId: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            itemId: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        resourceSlug: string | null;
                        ruleId: string | null;
                        /** @enum {unknown} */
                        source: "diagnostic" | "manual";
                        /** @enum {unknown} */
                        status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                        statusLabel: string;
                        themes: string[];
                        title: string;
                        toolSlug: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteActionItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateActionItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    dueDate?: string | null;
                    owner?: string | null;
                    resourceSlug?: string | null;
                    /** @enum {unknown} */
                    status?: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                    title?: string;
                    toolSlug?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commentCount: number;
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        description: string | null;
                        diagnosticId: string | null;
                        dueDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organisationId: string;
                        overdue: boolean;
                        owner: string | null;
                        priority: number | null;
                        resourceSlug: string | null;
                        ruleId: string | null;
                        /** @enum {unknown} */
                        source: "diagnostic" | "manual";
                        /** @enum {unknown} */
                        status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                        statusLabel: string;
                        themes: string[];
                        title: string;
                        toolSlug: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActionItemComments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            authorId: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            fromAdvisor: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createActionItemComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorId: string | null;
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        fromAdvisor: boolean;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        itemId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getActionPlan: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
            };
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            commentCount: number;
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            diagnosticId: string | null;
                            dueDate: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organisationId: string;
                            overdue: boolean;
                            owner: string | null;
                            priority: number | null;
                            resourceSlug: string | null;
                            ruleId: string | null;
                            /** @enum {unknown} */
                            source: "diagnostic" | "manual";
                            /** @enum {unknown} */
                            status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                            statusLabel: string;
                            themes: string[];
                            title: string;
                            toolSlug: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        limit: number;
                        offset: number;
                        /** Format: uuid */
                        organisationId: string;
                        /** @description Advisors only: notes the collectivité never sees */
                        privateNotes?: {
                            authorId: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            itemId: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        progress: {
                            byStatus: {
                                count: number;
                                label: string;
                                /** @enum {unknown} */
                                status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                            }[];
                            /** @description Items done or already done */
                            done: number;
                            percent: number;
                            share: number;
                            /** @description Items, not counting those marked not interested */
                            total: number;
                        };
                        total: number;
                        /** @enum {unknown} */
                        view: "member" | "advisor";
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createActionItemsFromDiagnostic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    diagnosticId?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dueDate?: string;
                    ruleIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: {
                            commentCount: number;
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            diagnosticId: string | null;
                            dueDate: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organisationId: string;
                            overdue: boolean;
                            owner: string | null;
                            priority: number | null;
                            resourceSlug: string | null;
                            ruleId: string | null;
                            /** @enum {unknown} */
                            source: "diagnostic" | "manual";
                            /** @enum {unknown} */
                            status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                            statusLabel: string;
                            themes: string[];
                            title: string;
                            toolSlug: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** Format: uuid */
                        diagnosticId: string;
                        skipped: {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            reason: "already-in-plan";
                            ruleId: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getActionPlanHints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hints: {
                            items: {
                                completedAt: string | null;
                                /** Format: uuid */
                                itemId: string;
                                ruleId: string;
                                /** @enum {unknown} */
                                status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                                title: string;
                            }[];
                            questionId: string;
                            questionLabel: string;
                            theme: string;
                        }[];
                        /** Format: uuid */
                        organisationId: string;
                        questionnaireVersion: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createActionItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    dueDate?: string | null;
                    owner?: string | null;
                    resourceSlug?: string | null;
                    /** @enum {unknown} */
                    status?: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                    title: string;
                    toolSlug?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commentCount: number;
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        description: string | null;
                        diagnosticId: string | null;
                        dueDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organisationId: string;
                        overdue: boolean;
                        owner: string | null;
                        priority: number | null;
                        resourceSlug: string | null;
                        ruleId: string | null;
                        /** @enum {unknown} */
                        source: "diagnostic" | "manual";
                        /** @enum {unknown} */
                        status: "proposed" | "in-progress" | "blocked" | "done" | "not-interested" | "already-done";
                        statusLabel: string;
                        themes: string[];
                        title: string;
                        toolSlug: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAdvisorNotes: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                itemId?: string;
            };
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            authorId: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            itemId: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAdvisorNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    itemId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorId: string | null;
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        itemId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAdvisorAssignments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                organisationId?: string;
                advisorId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            advisorEmail: string | null;
                            /** Format: uuid */
                            advisorId: string;
                            advisorName: string | null;
                            /** @description The collectivité lets its advisors see its diagnostics */
                            consent: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            operatorId: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignAdvisor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    advisorId: string;
                    /** Format: uuid */
                    organisationId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        advisorEmail: string | null;
                        /** Format: uuid */
                        advisorId: string;
                        advisorName: string | null;
                        /** @description The collectivité lets its advisors see its diagnostics */
                        consent: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unassignAdvisor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAdvisorDashboard: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                advisorId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        advisorId: string;
                        items: {
                            /** @description Without consent, level and plan figures are hidden (null) */
                            consent: boolean;
                            departement: string | null;
                            lastContactAt: string | null;
                            latestLevel: string | null;
                            latestSubmittedAt: string | null;
                            name: string | null;
                            openItems: number | null;
                            /** Format: uuid */
                            organisationId: string;
                            overdueItems: number | null;
                            pendingRequests: number;
                            populationBracket: string | null;
                            progressPercent: number | null;
                        }[];
                        limit: number;
                        offset: number;
                        pendingRequests: {
                            /** @description The 20 oldest open requests routed to you */
                            items: {
                                /** @description Advisors the request was routed to */
                                advisorIds: string[];
                                assigneeId: string | null;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                diagnosticId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                lastActivityAt: string;
                                /** @enum {unknown} */
                                matchedVia: "assigned" | "departement" | "coordinator" | "none";
                                matchedViaLabel: string;
                                operatorId: string | null;
                                /** Format: uuid */
                                organisationId: string;
                                organisationName: string | null;
                                /** @enum {unknown} */
                                status: "new" | "assigned" | "in-progress" | "closed";
                                statusLabel: string;
                                topic: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                        };
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAdvisorNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAdvisorNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorId: string | null;
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        itemId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Exact action, or a prefix ending in ".*" (e.g. login.*) */
                action?: string;
                actorId?: string;
                targetId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            actorId: string | null;
                            /** Format: date-time */
                            at: string;
                            data: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            ip: string | null;
                            targetId: string | null;
                            targetType: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmailByLink: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address
                     */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestMagicLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyMagicLinkByUrl: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyMagicLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        magicLink: boolean;
                        oidc: {
                            /** @description OIDC_DISPLAY_NAME, e.g. "ProConnect" */
                            displayName: string;
                            /** @description Send the browser here to start */
                            loginUrl: string;
                        } | null;
                        password: boolean;
                    };
                };
            };
        };
    };
    oidcCallback: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
                error_description?: string;
                iss?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single use; POST /v1/auth/oidc/exchange {code} gives the token pair */
                        code: string;
                        /** @description Seconds */
                        expiresIn: number;
                    };
                };
            };
            /** @description Default Response */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    oidcExchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    oidcLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description At least 12 characters, hard to guess (zxcvbn score 3 or more with the French dictionary) and without the email, the name or a collectivité’s name; otherwise 422 OSI_IDENTITY_WEAK_PASSWORD whose field error explains why, in French */
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /**
                     * Format: email
                     * @description Email address
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNationalBenchmark: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        indicators: {
                            answers: string[];
                            id: string;
                            label: string;
                            polarity: string;
                            question: string;
                            /** @description The exact phrase of the report */
                            quote: string;
                            /** @description Where the figure comes from in the report */
                            section: string;
                            statement: string;
                            unit: string;
                            value: number;
                        }[];
                        source: {
                            authors: string;
                            dataset: string;
                            period: string;
                            publishedAt: string;
                            respondents: number;
                            title: string;
                        };
                        version: number;
                    };
                };
            };
        };
    };
    exportCatalogueCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; columns documented in the catalogue README */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
        };
    };
    exportCatalogueJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        criteria: {
                            key: string;
                            kind: "boolean" | "enum" | "number" | "text";
                            label: string;
                            options: {
                                label: string;
                                value: string;
                            }[];
                            unit: string | null;
                        }[];
                        /** Format: date-time */
                        generatedAt: string;
                        licence: string;
                        tools: {
                            accessibility: {
                                declarationUrl: string | null;
                                note: string | null;
                                rgaaDeclaration: string;
                            };
                            alternativeTo: string[];
                            /** @description National custom criteria, by key */
                            attributes: {
                                [key: string]: boolean | number | string;
                            };
                            categories: string[];
                            costModel: string;
                            /** @description Markdown */
                            description: string;
                            externalIds: {
                                comptoirDuLibre: string | null;
                                framalibre: string | null;
                                sill: string | null;
                                wikidata: string | null;
                            };
                            hosting: {
                                dataLocation: string;
                                mode: string;
                                note: string | null;
                            }[];
                            isFree: boolean;
                            licence: string;
                            logoUrl: string | null;
                            name: string;
                            /** Format: date-time */
                            publishedAt: string | null;
                            rating: {
                                /** @description Average of published reviews, 1 decimal */
                                average: number | null;
                                count: number;
                            };
                            repository: string | null;
                            security: {
                                endToEndEncryption: boolean | null;
                                note: string | null;
                                secNumCloud: boolean;
                                twoFactor: boolean | null;
                            };
                            skillLevel: string;
                            slug: string;
                            sobriety: string | null;
                            standards: string[];
                            summary: string;
                            themes: string[];
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description API URL of the tool */
                            url: string;
                            usersCount: number;
                            website: string | null;
                        }[];
                    };
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            created: number;
                            /** Format: date-time */
                            createdAt: string;
                            dryRun: boolean;
                            format: string;
                            /** Format: uuid */
                            id: string;
                            importedBy: string | null;
                            refused: number;
                            skipped: number;
                            unchanged: number;
                            updated: number;
                            warnings: number;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importCatalogue: {
        parameters: {
            query?: {
                format?: "sill" | "catalogi-v2" | "sill-2022" | "sill-contents" | "comptoir-du-libre" | "osinum-json" | "osinum-csv";
                dryRun?: boolean;
                reportOffset?: number;
                reportLimit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The exported file (JSON or CSV) */
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Entries with a shared id, an id held by another tool or a near-duplicate name */
                        conflicts: number;
                        created: number;
                        /** @description Nothing was written (the report tells what would be) */
                        dryRun: boolean;
                        /** @description One page of the per-entry report */
                        entries: {
                            action: "created" | "updated" | "unchanged" | "skipped" | "refused";
                            /** @description Position of the entry in the file (0-based; CSV: data row) */
                            index: number;
                            match?: {
                                by: "slug" | "sill" | "wikidata" | "comptoirDuLibre" | "framalibre" | "name";
                                slug: string;
                            };
                            name: string;
                            /** @description Why a refused entry is invalid (paths in the file, at most 10) */
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                            /** @description Why, in French for the editor */
                            reason?: string;
                            /** @description Tool created or matched (would be, in a dry run) */
                            slug: string | null;
                            suggestedCategories?: string[];
                            suggestedThemes?: string[];
                            warnings?: {
                                /** @description licence-normalised, licence-list, licence-unknown, shared-id, id-conflict, name-conflict, near-duplicate, id-differs, plugin, no-category, unknown-category */
                                code: string;
                                /** @description French, for the editor */
                                message: string;
                            }[];
                        }[];
                        entriesLimit: number;
                        entriesOffset: number;
                        entriesTotal: number;
                        format: "sill" | "catalogi-v2" | "sill-2022" | "sill-contents" | "comptoir-du-libre" | "osinum-json" | "osinum-csv";
                        /** Format: uuid */
                        id: string;
                        refused: number;
                        skipped: number;
                        unchanged: number;
                        updated: number;
                        /** @description The first 100 warnings of the whole file (each entry carries its own) */
                        warnings: {
                            code?: string;
                            field: string;
                            message: string;
                        }[];
                        warningsTotal: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
                action?: "created" | "updated" | "unchanged" | "skipped" | "refused";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Entries with a shared id, an id held by another tool or a near-duplicate name */
                        conflicts: number;
                        created: number;
                        /** @description Nothing was written (the report tells what would be) */
                        dryRun: boolean;
                        /** @description One page of the per-entry report */
                        entries: {
                            action: "created" | "updated" | "unchanged" | "skipped" | "refused";
                            /** @description Position of the entry in the file (0-based; CSV: data row) */
                            index: number;
                            match?: {
                                by: "slug" | "sill" | "wikidata" | "comptoirDuLibre" | "framalibre" | "name";
                                slug: string;
                            };
                            name: string;
                            /** @description Why a refused entry is invalid (paths in the file, at most 10) */
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                            /** @description Why, in French for the editor */
                            reason?: string;
                            /** @description Tool created or matched (would be, in a dry run) */
                            slug: string | null;
                            suggestedCategories?: string[];
                            suggestedThemes?: string[];
                            warnings?: {
                                /** @description licence-normalised, licence-list, licence-unknown, shared-id, id-conflict, name-conflict, near-duplicate, id-differs, plugin, no-category, unknown-category */
                                code: string;
                                /** @description French, for the editor */
                                message: string;
                            }[];
                        }[];
                        entriesLimit: number;
                        entriesOffset: number;
                        entriesTotal: number;
                        format: "sill" | "catalogi-v2" | "sill-2022" | "sill-contents" | "comptoir-du-libre" | "osinum-json" | "osinum-csv";
                        /** Format: uuid */
                        id: string;
                        refused: number;
                        skipped: number;
                        unchanged: number;
                        updated: number;
                        /** @description The first 100 warnings of the whole file (each entry carries its own) */
                        warnings: {
                            code?: string;
                            field: string;
                            message: string;
                        }[];
                        warningsTotal: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        description: string;
                        id: string;
                        label: string;
                        toolCount: number;
                    }[];
                };
            };
        };
    };
    listCollections: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                resource?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            /** @description With `?resource=`: whether the collection holds it */
                            holdsResource?: boolean;
                            /** Format: uuid */
                            id: string;
                            itemCount: number;
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCollection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        itemCount: number;
                        name: string;
                        resources: {
                            audience: string[];
                            bookmarkCount: number;
                            durationMinutes: number | null;
                            /** Format: uuid */
                            id: string;
                            level: string;
                            /** @description French label */
                            levelLabel: string;
                            licence: string;
                            matchedThemes?: string[];
                            operatorId: string | null;
                            /** @description The review date has passed: the content may be out of date */
                            outdated: boolean;
                            publishedAt: string | null;
                            relatedTools: string[];
                            reviewBy: string | null;
                            /** @description Relevance of a text search */
                            score?: number;
                            slug: string;
                            sourceName: string | null;
                            sourceUrl: string | null;
                            status: "draft" | "in-review" | "published" | "archived";
                            /** @description French label */
                            statusLabel: string;
                            summary: string;
                            themes: string[];
                            title: string;
                            /** @description Resource type (see /v1/resources/vocabulary) */
                            type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                            /** @description French label */
                            typeLabel: string;
                            /** Format: date-time */
                            updatedAt: string;
                            viewCount: number;
                        }[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        itemCount: number;
                        name: string;
                        resources: {
                            audience: string[];
                            bookmarkCount: number;
                            durationMinutes: number | null;
                            /** Format: uuid */
                            id: string;
                            level: string;
                            /** @description French label */
                            levelLabel: string;
                            licence: string;
                            matchedThemes?: string[];
                            operatorId: string | null;
                            /** @description The review date has passed: the content may be out of date */
                            outdated: boolean;
                            publishedAt: string | null;
                            relatedTools: string[];
                            reviewBy: string | null;
                            /** @description Relevance of a text search */
                            score?: number;
                            slug: string;
                            sourceName: string | null;
                            sourceUrl: string | null;
                            status: "draft" | "in-review" | "published" | "archived";
                            /** @description French label */
                            statusLabel: string;
                            summary: string;
                            themes: string[];
                            title: string;
                            /** @description Resource type (see /v1/resources/vocabulary) */
                            type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                            /** @description French label */
                            typeLabel: string;
                            /** Format: date-time */
                            updatedAt: string;
                            viewCount: number;
                        }[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        itemCount: number;
                        name: string;
                        resources: {
                            audience: string[];
                            bookmarkCount: number;
                            durationMinutes: number | null;
                            /** Format: uuid */
                            id: string;
                            level: string;
                            /** @description French label */
                            levelLabel: string;
                            licence: string;
                            matchedThemes?: string[];
                            operatorId: string | null;
                            /** @description The review date has passed: the content may be out of date */
                            outdated: boolean;
                            publishedAt: string | null;
                            relatedTools: string[];
                            reviewBy: string | null;
                            /** @description Relevance of a text search */
                            score?: number;
                            slug: string;
                            sourceName: string | null;
                            sourceUrl: string | null;
                            status: "draft" | "in-review" | "published" | "archived";
                            /** @description French label */
                            statusLabel: string;
                            summary: string;
                            themes: string[];
                            title: string;
                            /** @description Resource type (see /v1/resources/vocabulary) */
                            type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                            /** @description French label */
                            typeLabel: string;
                            /** Format: date-time */
                            updatedAt: string;
                            viewCount: number;
                        }[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addToCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeFromCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        experienceId: string;
                        /** Format: uuid */
                        id: string;
                        status: "published" | "hidden";
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    action: "hide" | "restore";
                    reason?: string;
                    /** @description The rule the content breaks (a report reason), told to its author; default abuse */
                    rule?: "outdated" | "wrong" | "abuse" | "spam" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        experienceId: string;
                        /** Format: uuid */
                        id: string;
                        status: "published" | "hidden";
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message?: string;
                    reason: "outdated" | "wrong" | "abuse" | "spam" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contentId: string;
                        contentStatus?: string | null;
                        contentType: "resource" | "experience" | "comment";
                        /** Format: date-time */
                        createdAt: string;
                        experienceId?: string | null;
                        /** Format: uuid */
                        id: string;
                        message: string | null;
                        reason: string;
                        /** @description French label */
                        reasonLabel: string;
                        reporterId?: string | null;
                        resolutionNote?: string | null;
                        resolvedAt?: string | null;
                        resourceSlug?: string | null;
                        status: string;
                        title?: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCriteria: {
        parameters: {
            query?: {
                operatorId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        filterable: boolean;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        kind: "boolean" | "enum" | "number" | "text";
                        label: string;
                        /** Format: uuid */
                        operatorId: string | null;
                        options: {
                            label: string;
                            value: string;
                        }[];
                        unit: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    }[];
                };
            };
        };
    };
    createCriterion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    /** @default false */
                    filterable?: boolean;
                    key: string;
                    kind: "boolean" | "enum" | "number" | "text";
                    label: string;
                    /** Format: uuid */
                    operatorId?: string | null;
                    options?: {
                        label: string;
                        value: string;
                    }[];
                    unit?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        filterable: boolean;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        kind: "boolean" | "enum" | "number" | "text";
                        label: string;
                        /** Format: uuid */
                        operatorId: string | null;
                        options: {
                            label: string;
                            value: string;
                        }[];
                        unit: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCriterion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCriterion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    filterable?: boolean;
                    label?: string;
                    options?: {
                        label: string;
                        value: string;
                    }[];
                    unit?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        filterable: boolean;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        kind: "boolean" | "enum" | "number" | "text";
                        label: string;
                        /** Format: uuid */
                        operatorId: string | null;
                        options: {
                            label: string;
                            value: string;
                        }[];
                        unit: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDevMailbox: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Only emails to this address */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            date: string;
                            id: string;
                            /** @description Links of the text body (e.g. the magic link) */
                            links: string[];
                            subject: string;
                            to: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDevMailboxMessage: {
        parameters: {
            query?: {
                format?: "eml";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        date: string;
                        html: string;
                        id: string;
                        /** @description Links of the text body (e.g. the magic link) */
                        links: string[];
                        subject: string;
                        text: string;
                        to: string;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDiagnostics: {
        parameters: {
            query: {
                limit?: number;
                offset?: number;
                organisationId: string;
                status?: "draft" | "submitted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            level: ("A" | "B" | "C" | "D" | "E") | null;
                            /** Format: uuid */
                            organisationId: string;
                            overallScore: number | null;
                            questionnaire: {
                                id: string;
                                version: number;
                            };
                            /** Format: date-time */
                            startedAt: string;
                            startedBy: string | null;
                            status: "draft" | "submitted";
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startDiagnostic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    organisationId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answers: {
                            /** Format: date-time */
                            answeredAt: string;
                            answeredBy: string | null;
                            answeredByRole: string | null;
                            questionId: string;
                            /** @description Option id (single) or option ids (multiple) */
                            value: string | string[];
                            /** @description False when a later answer hides the question: then it is ignored */
                            visible: boolean;
                        }[];
                        /** @description Who answered how many questions (élu and agent can both contribute) */
                        contributors: {
                            answers: number;
                            /** Format: date-time */
                            lastAnsweredAt: string;
                            role: string | null;
                            userId: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        level: ("A" | "B" | "C" | "D" | "E") | null;
                        /** @description Required visible questions without an answer */
                        missingRequired: string[];
                        /** Format: uuid */
                        organisationId: string;
                        overallScore: number | null;
                        progress: {
                            answered: number;
                            /** @description Every required visible question is answered: it can be submitted */
                            complete: boolean;
                            percent: number;
                            requiredAnswered: number;
                            requiredVisible: number;
                            /** @description Questions shown for the current answers */
                            visible: number;
                        };
                        questionnaire: {
                            id: string;
                            version: number;
                        };
                        /** Format: date-time */
                        startedAt: string;
                        startedBy: string | null;
                        status: "draft" | "submitted";
                        submittedAt: string | null;
                        submittedBy: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answers: {
                            /** Format: date-time */
                            answeredAt: string;
                            answeredBy: string | null;
                            answeredByRole: string | null;
                            questionId: string;
                            /** @description Option id (single) or option ids (multiple) */
                            value: string | string[];
                            /** @description False when a later answer hides the question: then it is ignored */
                            visible: boolean;
                        }[];
                        /** @description Who answered how many questions (élu and agent can both contribute) */
                        contributors: {
                            answers: number;
                            /** Format: date-time */
                            lastAnsweredAt: string;
                            role: string | null;
                            userId: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        level: ("A" | "B" | "C" | "D" | "E") | null;
                        /** @description Required visible questions without an answer */
                        missingRequired: string[];
                        /** Format: uuid */
                        organisationId: string;
                        overallScore: number | null;
                        progress: {
                            answered: number;
                            /** @description Every required visible question is answered: it can be submitted */
                            complete: boolean;
                            percent: number;
                            requiredAnswered: number;
                            requiredVisible: number;
                            /** @description Questions shown for the current answers */
                            visible: number;
                        };
                        questionnaire: {
                            id: string;
                            version: number;
                        };
                        /** Format: date-time */
                        startedAt: string;
                        startedBy: string | null;
                        status: "draft" | "submitted";
                        submittedAt: string | null;
                        submittedBy: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiagnostic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answers: {
                            /** Format: date-time */
                            answeredAt: string;
                            answeredBy: string | null;
                            answeredByRole: string | null;
                            questionId: string;
                            /** @description Option id (single) or option ids (multiple) */
                            value: string | string[];
                            /** @description False when a later answer hides the question: then it is ignored */
                            visible: boolean;
                        }[];
                        /** @description Who answered how many questions (élu and agent can both contribute) */
                        contributors: {
                            answers: number;
                            /** Format: date-time */
                            lastAnsweredAt: string;
                            role: string | null;
                            userId: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        level: ("A" | "B" | "C" | "D" | "E") | null;
                        /** @description Required visible questions without an answer */
                        missingRequired: string[];
                        /** Format: uuid */
                        organisationId: string;
                        overallScore: number | null;
                        progress: {
                            answered: number;
                            /** @description Every required visible question is answered: it can be submitted */
                            complete: boolean;
                            percent: number;
                            requiredAnswered: number;
                            requiredVisible: number;
                            /** @description Questions shown for the current answers */
                            visible: number;
                        };
                        questionnaire: {
                            id: string;
                            version: number;
                        };
                        /** Format: date-time */
                        startedAt: string;
                        startedBy: string | null;
                        status: "draft" | "submitted";
                        submittedAt: string | null;
                        submittedBy: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    saveAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Question id → option id (single) or option ids (multiple) */
                    answers: {
                        [key: string]: null | string | string[];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answers: {
                            /** Format: date-time */
                            answeredAt: string;
                            answeredBy: string | null;
                            answeredByRole: string | null;
                            questionId: string;
                            /** @description Option id (single) or option ids (multiple) */
                            value: string | string[];
                            /** @description False when a later answer hides the question: then it is ignored */
                            visible: boolean;
                        }[];
                        /** @description Who answered how many questions (élu and agent can both contribute) */
                        contributors: {
                            answers: number;
                            /** Format: date-time */
                            lastAnsweredAt: string;
                            role: string | null;
                            userId: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        level: ("A" | "B" | "C" | "D" | "E") | null;
                        /** @description Required visible questions without an answer */
                        missingRequired: string[];
                        /** Format: uuid */
                        organisationId: string;
                        overallScore: number | null;
                        progress: {
                            answered: number;
                            /** @description Every required visible question is answered: it can be submitted */
                            complete: boolean;
                            percent: number;
                            requiredAnswered: number;
                            requiredVisible: number;
                            /** @description Questions shown for the current answers */
                            visible: number;
                        };
                        questionnaire: {
                            id: string;
                            version: number;
                        };
                        /** Format: date-time */
                        startedAt: string;
                        startedBy: string | null;
                        status: "draft" | "submitted";
                        submittedAt: string | null;
                        submittedBy: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiagnosticReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        generatedAt: string;
                        results: {
                            /** @description The other measures */
                            annex: {
                                categories: {
                                    id: string;
                                    label: string;
                                }[];
                                effort: "low" | "medium" | "high";
                                effortLabel: string;
                                how: string;
                                lenses: {
                                    id: string;
                                    label: string;
                                }[];
                                nationalIndicator: {
                                    id: string;
                                    label: string;
                                    sentence: string;
                                    value: number;
                                } | null;
                                operatorOffer: {
                                    operatorId: string;
                                    operatorName: string;
                                    text: string;
                                    tools: {
                                        name: string;
                                        slug: string;
                                    }[];
                                } | null;
                                /** @description 1 = most urgent */
                                priority: number;
                                resourceThemes: {
                                    id: string;
                                    label: string;
                                }[];
                                resources: {
                                    slug: string;
                                    title: string;
                                }[];
                                ruleId: string;
                                themes: {
                                    id: string;
                                    label: string;
                                }[];
                                title: string;
                                tools: {
                                    name: string;
                                    slug: string;
                                }[];
                                why: string;
                            }[];
                            benchmarks: {
                                evolution: {
                                    changedAnswers: {
                                        after: string[];
                                        before: string[];
                                        label: string;
                                        questionId: string;
                                    }[];
                                    delta: {
                                        overallScore: number;
                                        /** Format: date-time */
                                        since: string;
                                        themes: {
                                            after: number | null;
                                            before: number | null;
                                            label: string;
                                            theme: string;
                                        }[];
                                    } | null;
                                    previous: {
                                        diagnosticId: string;
                                        level: string;
                                        overallScore: number;
                                        questionnaireVersion: number;
                                        /** Format: date-time */
                                        submittedAt: string;
                                        themeScores: {
                                            [key: string]: number | null;
                                        };
                                    }[];
                                };
                                national: {
                                    dataset: {
                                        id: string;
                                        publishedAt: string;
                                        respondents: number;
                                        title: string;
                                        url: string;
                                        version: number;
                                    };
                                    indicators: {
                                        id: string;
                                        label: string;
                                        national: number;
                                        section: string;
                                        sentence: string;
                                        yours: "yes" | "no" | "not-applicable";
                                    }[];
                                };
                                peers: {
                                    groups: {
                                        collectivites: number | null;
                                        group: "population-bracket" | "departement" | "operator";
                                        label: string;
                                        overallScore: number | null;
                                        /** @description False when the group is too small to be shown */
                                        published: boolean;
                                        themes: {
                                            score: number | null;
                                            theme: string;
                                        }[];
                                    }[];
                                    minGroupSize: number;
                                };
                            };
                            /** Format: uuid */
                            diagnosticId: string;
                            lenses: {
                                label: string;
                                lens: string;
                                score: number | null;
                            }[];
                            level: "A" | "B" | "C" | "D" | "E";
                            levelLabel: string;
                            organisation: {
                                departement: string | null;
                                id: string;
                                name: string;
                                operator: {
                                    id: string;
                                    name: string;
                                } | null;
                                populationBracket: string | null;
                                populationBracketLabel: string | null;
                                region: string | null;
                            };
                            overallScore: number;
                            /** @description The priority measures (at most 5) */
                            priorities: {
                                categories: {
                                    id: string;
                                    label: string;
                                }[];
                                effort: "low" | "medium" | "high";
                                effortLabel: string;
                                how: string;
                                lenses: {
                                    id: string;
                                    label: string;
                                }[];
                                nationalIndicator: {
                                    id: string;
                                    label: string;
                                    sentence: string;
                                    value: number;
                                } | null;
                                operatorOffer: {
                                    operatorId: string;
                                    operatorName: string;
                                    text: string;
                                    tools: {
                                        name: string;
                                        slug: string;
                                    }[];
                                } | null;
                                /** @description 1 = most urgent */
                                priority: number;
                                resourceThemes: {
                                    id: string;
                                    label: string;
                                }[];
                                resources: {
                                    slug: string;
                                    title: string;
                                }[];
                                ruleId: string;
                                themes: {
                                    id: string;
                                    label: string;
                                }[];
                                title: string;
                                tools: {
                                    name: string;
                                    slug: string;
                                }[];
                                why: string;
                            }[];
                            questionnaire: {
                                id: string;
                                title: string;
                                version: number;
                            };
                            strengths: {
                                label: string;
                                score: number;
                                theme: string;
                            }[];
                            /** Format: date-time */
                            submittedAt: string;
                            themes: {
                                label: string;
                                score: number | null;
                                theme: string;
                            }[];
                            weaknesses: {
                                label: string;
                                score: number;
                                theme: string;
                            }[];
                        };
                        title: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiagnosticReportPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiagnosticResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The other measures */
                        annex: {
                            categories: {
                                id: string;
                                label: string;
                            }[];
                            effort: "low" | "medium" | "high";
                            effortLabel: string;
                            how: string;
                            lenses: {
                                id: string;
                                label: string;
                            }[];
                            nationalIndicator: {
                                id: string;
                                label: string;
                                sentence: string;
                                value: number;
                            } | null;
                            operatorOffer: {
                                operatorId: string;
                                operatorName: string;
                                text: string;
                                tools: {
                                    name: string;
                                    slug: string;
                                }[];
                            } | null;
                            /** @description 1 = most urgent */
                            priority: number;
                            resourceThemes: {
                                id: string;
                                label: string;
                            }[];
                            resources: {
                                slug: string;
                                title: string;
                            }[];
                            ruleId: string;
                            themes: {
                                id: string;
                                label: string;
                            }[];
                            title: string;
                            tools: {
                                name: string;
                                slug: string;
                            }[];
                            why: string;
                        }[];
                        benchmarks: {
                            evolution: {
                                changedAnswers: {
                                    after: string[];
                                    before: string[];
                                    label: string;
                                    questionId: string;
                                }[];
                                delta: {
                                    overallScore: number;
                                    /** Format: date-time */
                                    since: string;
                                    themes: {
                                        after: number | null;
                                        before: number | null;
                                        label: string;
                                        theme: string;
                                    }[];
                                } | null;
                                previous: {
                                    diagnosticId: string;
                                    level: string;
                                    overallScore: number;
                                    questionnaireVersion: number;
                                    /** Format: date-time */
                                    submittedAt: string;
                                    themeScores: {
                                        [key: string]: number | null;
                                    };
                                }[];
                            };
                            national: {
                                dataset: {
                                    id: string;
                                    publishedAt: string;
                                    respondents: number;
                                    title: string;
                                    url: string;
                                    version: number;
                                };
                                indicators: {
                                    id: string;
                                    label: string;
                                    national: number;
                                    section: string;
                                    sentence: string;
                                    yours: "yes" | "no" | "not-applicable";
                                }[];
                            };
                            peers: {
                                groups: {
                                    collectivites: number | null;
                                    group: "population-bracket" | "departement" | "operator";
                                    label: string;
                                    overallScore: number | null;
                                    /** @description False when the group is too small to be shown */
                                    published: boolean;
                                    themes: {
                                        score: number | null;
                                        theme: string;
                                    }[];
                                }[];
                                minGroupSize: number;
                            };
                        };
                        /** Format: uuid */
                        diagnosticId: string;
                        lenses: {
                            label: string;
                            lens: string;
                            score: number | null;
                        }[];
                        level: "A" | "B" | "C" | "D" | "E";
                        levelLabel: string;
                        organisation: {
                            departement: string | null;
                            id: string;
                            name: string;
                            operator: {
                                id: string;
                                name: string;
                            } | null;
                            populationBracket: string | null;
                            populationBracketLabel: string | null;
                            region: string | null;
                        };
                        overallScore: number;
                        /** @description The priority measures (at most 5) */
                        priorities: {
                            categories: {
                                id: string;
                                label: string;
                            }[];
                            effort: "low" | "medium" | "high";
                            effortLabel: string;
                            how: string;
                            lenses: {
                                id: string;
                                label: string;
                            }[];
                            nationalIndicator: {
                                id: string;
                                label: string;
                                sentence: string;
                                value: number;
                            } | null;
                            operatorOffer: {
                                operatorId: string;
                                operatorName: string;
                                text: string;
                                tools: {
                                    name: string;
                                    slug: string;
                                }[];
                            } | null;
                            /** @description 1 = most urgent */
                            priority: number;
                            resourceThemes: {
                                id: string;
                                label: string;
                            }[];
                            resources: {
                                slug: string;
                                title: string;
                            }[];
                            ruleId: string;
                            themes: {
                                id: string;
                                label: string;
                            }[];
                            title: string;
                            tools: {
                                name: string;
                                slug: string;
                            }[];
                            why: string;
                        }[];
                        questionnaire: {
                            id: string;
                            title: string;
                            version: number;
                        };
                        strengths: {
                            label: string;
                            score: number;
                            theme: string;
                        }[];
                        /** Format: date-time */
                        submittedAt: string;
                        themes: {
                            label: string;
                            score: number | null;
                            theme: string;
                        }[];
                        weaknesses: {
                            label: string;
                            score: number;
                            theme: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitDiagnostic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The other measures */
                        annex: {
                            categories: {
                                id: string;
                                label: string;
                            }[];
                            effort: "low" | "medium" | "high";
                            effortLabel: string;
                            how: string;
                            lenses: {
                                id: string;
                                label: string;
                            }[];
                            nationalIndicator: {
                                id: string;
                                label: string;
                                sentence: string;
                                value: number;
                            } | null;
                            operatorOffer: {
                                operatorId: string;
                                operatorName: string;
                                text: string;
                                tools: {
                                    name: string;
                                    slug: string;
                                }[];
                            } | null;
                            /** @description 1 = most urgent */
                            priority: number;
                            resourceThemes: {
                                id: string;
                                label: string;
                            }[];
                            resources: {
                                slug: string;
                                title: string;
                            }[];
                            ruleId: string;
                            themes: {
                                id: string;
                                label: string;
                            }[];
                            title: string;
                            tools: {
                                name: string;
                                slug: string;
                            }[];
                            why: string;
                        }[];
                        benchmarks: {
                            evolution: {
                                changedAnswers: {
                                    after: string[];
                                    before: string[];
                                    label: string;
                                    questionId: string;
                                }[];
                                delta: {
                                    overallScore: number;
                                    /** Format: date-time */
                                    since: string;
                                    themes: {
                                        after: number | null;
                                        before: number | null;
                                        label: string;
                                        theme: string;
                                    }[];
                                } | null;
                                previous: {
                                    diagnosticId: string;
                                    level: string;
                                    overallScore: number;
                                    questionnaireVersion: number;
                                    /** Format: date-time */
                                    submittedAt: string;
                                    themeScores: {
                                        [key: string]: number | null;
                                    };
                                }[];
                            };
                            national: {
                                dataset: {
                                    id: string;
                                    publishedAt: string;
                                    respondents: number;
                                    title: string;
                                    url: string;
                                    version: number;
                                };
                                indicators: {
                                    id: string;
                                    label: string;
                                    national: number;
                                    section: string;
                                    sentence: string;
                                    yours: "yes" | "no" | "not-applicable";
                                }[];
                            };
                            peers: {
                                groups: {
                                    collectivites: number | null;
                                    group: "population-bracket" | "departement" | "operator";
                                    label: string;
                                    overallScore: number | null;
                                    /** @description False when the group is too small to be shown */
                                    published: boolean;
                                    themes: {
                                        score: number | null;
                                        theme: string;
                                    }[];
                                }[];
                                minGroupSize: number;
                            };
                        };
                        /** Format: uuid */
                        diagnosticId: string;
                        lenses: {
                            label: string;
                            lens: string;
                            score: number | null;
                        }[];
                        level: "A" | "B" | "C" | "D" | "E";
                        levelLabel: string;
                        organisation: {
                            departement: string | null;
                            id: string;
                            name: string;
                            operator: {
                                id: string;
                                name: string;
                            } | null;
                            populationBracket: string | null;
                            populationBracketLabel: string | null;
                            region: string | null;
                        };
                        overallScore: number;
                        /** @description The priority measures (at most 5) */
                        priorities: {
                            categories: {
                                id: string;
                                label: string;
                            }[];
                            effort: "low" | "medium" | "high";
                            effortLabel: string;
                            how: string;
                            lenses: {
                                id: string;
                                label: string;
                            }[];
                            nationalIndicator: {
                                id: string;
                                label: string;
                                sentence: string;
                                value: number;
                            } | null;
                            operatorOffer: {
                                operatorId: string;
                                operatorName: string;
                                text: string;
                                tools: {
                                    name: string;
                                    slug: string;
                                }[];
                            } | null;
                            /** @description 1 = most urgent */
                            priority: number;
                            resourceThemes: {
                                id: string;
                                label: string;
                            }[];
                            resources: {
                                slug: string;
                                title: string;
                            }[];
                            ruleId: string;
                            themes: {
                                id: string;
                                label: string;
                            }[];
                            title: string;
                            tools: {
                                name: string;
                                slug: string;
                            }[];
                            why: string;
                        }[];
                        questionnaire: {
                            id: string;
                            title: string;
                            version: number;
                        };
                        strengths: {
                            label: string;
                            score: number;
                            theme: string;
                        }[];
                        /** Format: date-time */
                        submittedAt: string;
                        themes: {
                            label: string;
                            score: number | null;
                            theme: string;
                        }[];
                        weaknesses: {
                            label: string;
                            score: number;
                            theme: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExperiences: {
        parameters: {
            query?: {
                q?: string;
                theme?: string[];
                tool?: string[];
                organisationId?: string;
                sort?: "date" | "useful";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The author erased their account */
                            anonymised: boolean;
                            authorId: string | null;
                            /** @description Markdown source */
                            body: string;
                            /** @description Sanitised HTML */
                            bodyHtml: string;
                            commentCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            demo: boolean;
                            excerpt: string;
                            hiddenReason?: string | null;
                            /** Format: uuid */
                            id: string;
                            organisation: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            };
                            slug: string | null;
                            status: "published" | "hidden";
                            themes: string[];
                            title: string;
                            tools: string[];
                            /** Format: date-time */
                            updatedAt: string;
                            usefulCount: number;
                            votedByMe: boolean;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createExperience: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Markdown */
                    body: string;
                    /** Format: uuid */
                    organisationId?: string;
                    /** @default [] */
                    themes: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    title: string;
                    /** @default [] */
                    tools: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The author erased their account */
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        demo: boolean;
                        excerpt: string;
                        hiddenReason?: string | null;
                        /** Format: uuid */
                        id: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        };
                        slug: string | null;
                        status: "published" | "hidden";
                        themes: string[];
                        title: string;
                        tools: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usefulCount: number;
                        votedByMe: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExperience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The author erased their account */
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        demo: boolean;
                        excerpt: string;
                        hiddenReason?: string | null;
                        /** Format: uuid */
                        id: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        };
                        slug: string | null;
                        status: "published" | "hidden";
                        themes: string[];
                        title: string;
                        tools: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usefulCount: number;
                        votedByMe: boolean;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteExperience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateExperience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Markdown */
                    body?: string;
                    themes?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    title?: string;
                    tools?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The author erased their account */
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        demo: boolean;
                        excerpt: string;
                        hiddenReason?: string | null;
                        /** Format: uuid */
                        id: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        };
                        slug: string | null;
                        status: "published" | "hidden";
                        themes: string[];
                        title: string;
                        tools: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usefulCount: number;
                        votedByMe: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExperienceComments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            anonymised: boolean;
                            authorId: string | null;
                            /** @description Markdown source */
                            body: string;
                            /** @description Sanitised HTML */
                            bodyHtml: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            experienceId: string;
                            /** Format: uuid */
                            id: string;
                            status: "published" | "hidden";
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commentExperience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        experienceId: string;
                        /** Format: uuid */
                        id: string;
                        status: "published" | "hidden";
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateExperience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    action: "hide" | "restore";
                    reason?: string;
                    /** @description The rule the content breaks (a report reason), told to its author; default abuse */
                    rule?: "outdated" | "wrong" | "abuse" | "spam" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The author erased their account */
                        anonymised: boolean;
                        authorId: string | null;
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML */
                        bodyHtml: string;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        demo: boolean;
                        excerpt: string;
                        hiddenReason?: string | null;
                        /** Format: uuid */
                        id: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        };
                        slug: string | null;
                        status: "published" | "hidden";
                        themes: string[];
                        title: string;
                        tools: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usefulCount: number;
                        votedByMe: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportExperience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message?: string;
                    reason: "outdated" | "wrong" | "abuse" | "spam" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contentId: string;
                        contentStatus?: string | null;
                        contentType: "resource" | "experience" | "comment";
                        /** Format: date-time */
                        createdAt: string;
                        experienceId?: string | null;
                        /** Format: uuid */
                        id: string;
                        message: string | null;
                        reason: string;
                        /** @description French label */
                        reasonLabel: string;
                        reporterId?: string | null;
                        resolutionNote?: string | null;
                        resolvedAt?: string | null;
                        resourceSlug?: string | null;
                        status: string;
                        title?: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markExperienceUseful: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        usefulCount: number;
                        votedByMe: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unmarkExperienceUseful: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        usefulCount: number;
                        votedByMe: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGapPortfolio: {
        parameters: {
            query?: {
                operatorId?: string;
                departement?: string;
                populationBracket?: string;
                kind?: "weak-theme" | "rule" | "training-wish";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byDepartement: {
                            count: number;
                            key: string;
                        }[];
                        byPopulationBracket: {
                            count: number;
                            key: string;
                        }[];
                        /** @description Collectivités of the operator with a submitted diagnostic */
                        collectivites: number;
                        gaps: {
                            byDepartement: {
                                count: number;
                                key: string;
                            }[];
                            byPopulationBracket: {
                                count: number;
                                key: string;
                            }[];
                            count: number;
                            id: string;
                            /** @enum {unknown} */
                            kind: "weak-theme" | "rule" | "training-wish";
                            kindLabel: string;
                            label: string;
                            share: number;
                        }[];
                        /** Format: date-time */
                        generatedAt: string;
                        /** Format: uuid */
                        operatorId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGapPortfolioCsv: {
        parameters: {
            query?: {
                operatorId?: string;
                departement?: string;
                populationBracket?: string;
                kind?: "weak-theme" | "rule" | "training-wish";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query: {
                limit?: number;
                offset?: number;
                organisationId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            acceptedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organisationId: string;
                            role: "elected" | "agent";
                            status: "pending" | "accepted" | "revoked" | "expired";
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address
                     */
                    email: string;
                    /** Format: uuid */
                    organisationId: string;
                    role: "elected" | "agent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        email: string | null;
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organisationId: string;
                        role: "elected" | "agent";
                        status: "pending" | "accepted" | "revoked" | "expired";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitationByLink: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        /** Format: uuid */
                        organisationId: string;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), to send as `Authorization: Bearer …` */
                        accessToken: string;
                        /** @description Seconds before the access token expires */
                        expiresIn: number;
                        /** Format: uuid */
                        organisationId: string;
                        refreshExpiresIn: number;
                        /** @description Opaque; works once (POST /v1/auth/refresh gives a new pair) */
                        refreshToken: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "sent" | "failed";
                channel?: "email" | "in-app";
                causeEventId?: string;
                recipient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            category: string;
                            channel: "email" | "in-app";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            lastError: string | null;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            notificationId: string;
                            /** @description Email address, or user id for the in-app channel */
                            recipient: string;
                            sentAt: string | null;
                            status: "pending" | "sent" | "failed";
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            /** @description Notification category */
                            category: "auth" | "diagnostics" | "support" | "trainings" | "digest" | "moderation" | "community";
                            description: string;
                            email: boolean;
                            inApp: boolean;
                            label: string;
                            /** @description Cannot be turned off (authentication emails) */
                            locked: boolean;
                        }[];
                        digest: {
                            /** @description Themes followed: the chosen ones, else the weak themes of your collectivités’ diagnostics */
                            effectiveThemes: string[];
                            frequency: "immediately" | "daily" | "weekly";
                            themes: string[] | null;
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories?: {
                        auth?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                        community?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                        diagnostics?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                        digest?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                        moderation?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                        support?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                        trainings?: {
                            email?: boolean;
                            inApp?: boolean;
                        };
                    };
                    digest?: {
                        frequency?: "immediately" | "daily" | "weekly";
                        themes?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[] | null;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            /** @description Notification category */
                            category: "auth" | "diagnostics" | "support" | "trainings" | "digest" | "moderation" | "community";
                            description: string;
                            email: boolean;
                            inApp: boolean;
                            label: string;
                            /** @description Cannot be turned off (authentication emails) */
                            locked: boolean;
                        }[];
                        digest: {
                            /** @description Themes followed: the chosen ones, else the weak themes of your collectivités’ diagnostics */
                            effectiveThemes: string[];
                            frequency: "immediately" | "daily" | "weekly";
                            themes: string[] | null;
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Only unread ones */
                unread?: boolean;
                /** @description Notification category */
                category?: "auth" | "diagnostics" | "support" | "trainings" | "digest" | "moderation" | "community";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            body: string;
                            category: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @description What happened, e.g. diagnostic-submitted, registration-promoted */
                            kind: string;
                            link: string | null;
                            read: boolean;
                            readAt: string | null;
                            /** @description A relayed contact message: answer with POST …/reply */
                            replyable: boolean;
                            title: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body: string;
                        category: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @description What happened, e.g. diagnostic-submitted, registration-promoted */
                        kind: string;
                        link: string | null;
                        read: boolean;
                        readAt: string | null;
                        /** @description A relayed contact message: answer with POST …/reply */
                        replyable: boolean;
                        title: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            category: string;
                            channel: "email" | "in-app";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            lastError: string | null;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            notificationId: string;
                            /** @description Email address, or user id for the in-app channel */
                            recipient: string;
                            sentAt: string | null;
                            status: "pending" | "sent" | "failed";
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body: string;
                        category: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @description What happened, e.g. diagnostic-submitted, registration-promoted */
                        kind: string;
                        link: string | null;
                        read: boolean;
                        readAt: string | null;
                        /** @description A relayed contact message: answer with POST …/reply */
                        replyable: boolean;
                        title: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replyToNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relayed: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOperatorOffers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                operatorId?: string;
                toolSlug?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            operatorId: string;
                            operatorName: string | null;
                            priceIndication: string | null;
                            toolName: string;
                            toolSlug: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
        };
    };
    createOperatorOffer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    /** Format: uuid */
                    operatorId?: string;
                    priceIndication?: string | null;
                    toolSlug: string;
                    /** Format: uri */
                    url?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        operatorId: string;
                        operatorName: string | null;
                        priceIndication: string | null;
                        toolName: string;
                        toolSlug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOperatorOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOperatorOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    priceIndication?: string | null;
                    /** Format: uri */
                    url?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        operatorId: string;
                        operatorName: string | null;
                        priceIndication: string | null;
                        toolName: string;
                        toolSlug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOperators: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Code of a département */
                departement?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            coordinatorId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            departements: string[];
                            displayName: string | null;
                            /** Format: uuid */
                            id: string;
                            logoUrl: string | null;
                            name: string;
                            primaryColor: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            website: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
        };
    };
    createOperator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    coordinatorId?: string | null;
                    departements: string[];
                    displayName?: string | null;
                    logoUrl?: string | null;
                    name: string;
                    primaryColor?: string | null;
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coordinatorId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departements: string[];
                        displayName: string | null;
                        /** Format: uuid */
                        id: string;
                        logoUrl: string | null;
                        name: string;
                        primaryColor: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coordinatorId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departements: string[];
                        displayName: string | null;
                        /** Format: uuid */
                        id: string;
                        logoUrl: string | null;
                        name: string;
                        primaryColor: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    coordinatorId?: string | null;
                    departements?: string[];
                    displayName?: string | null;
                    logoUrl?: string | null;
                    name?: string;
                    primaryColor?: string | null;
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coordinatorId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departements: string[];
                        displayName: string | null;
                        /** Format: uuid */
                        id: string;
                        logoUrl: string | null;
                        name: string;
                        primaryColor: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisationClaims: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "verified" | "rejected" | "withdrawn";
                organisationId?: string;
                mine?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Other pending claims on the same collectivité */
                            competing: number;
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            displayName: string | null;
                            email: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                            method: ("oidc-siret" | "operator" | "referent" | "invitation") | null;
                            officialCode: string;
                            operatorId: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @description pending until a claim is verified */
                            organisationVerification: "pending" | "verified";
                            reason: string | null;
                            role: "elected" | "agent";
                            status: "pending" | "verified" | "rejected" | "withdrawn";
                            /** Format: uuid */
                            userId: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisationClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Other pending claims on the same collectivité */
                        competing: number;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        decidedBy: string | null;
                        displayName: string | null;
                        email: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        method: ("oidc-siret" | "operator" | "referent" | "invitation") | null;
                        officialCode: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string;
                        /** @description pending until a claim is verified */
                        organisationVerification: "pending" | "verified";
                        reason: string | null;
                        role: "elected" | "agent";
                        status: "pending" | "verified" | "rejected" | "withdrawn";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawOrganisationClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideOrganisationClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decision: "verify" | "reject";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Other pending claims on the same collectivité */
                        competing: number;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        decidedBy: string | null;
                        displayName: string | null;
                        email: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        method: ("oidc-siret" | "operator" | "referent" | "invitation") | null;
                        officialCode: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string;
                        /** @description pending until a claim is verified */
                        organisationVerification: "pending" | "verified";
                        reason: string | null;
                        role: "elected" | "agent";
                        status: "pending" | "verified" | "rejected" | "withdrawn";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                q?: string;
                kind?: "commune" | "epci" | "departement" | "region" | "syndicat";
                departement?: string;
                operatorId?: string;
                /** @description pending until a claim is verified */
                verification?: "pending" | "verified";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Assigned advisors may see its diagnostics */
                            advisorConsent: boolean;
                            advisorConsentAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            departement: string | null;
                            departementName: string | null;
                            epci: string | null;
                            epciName: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                            name: string;
                            /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                            officialCode: string;
                            operatorId: string | null;
                            population: number | null;
                            populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                            postcodes: string[];
                            region: string | null;
                            regionName: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description pending until a claim is verified */
                            verification: "pending" | "verified";
                            verifiedAt: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Syndicats only */
                    departement?: string;
                    kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                    /** @description Syndicats only */
                    name?: string;
                    officialCode: string;
                    role: "elected" | "agent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Assigned advisors may see its diagnostics */
                        advisorConsent: boolean;
                        advisorConsentAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        departementName: string | null;
                        epci: string | null;
                        epciName: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        name: string;
                        /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                        officialCode: string;
                        operatorId: string | null;
                        population: number | null;
                        populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                        postcodes: string[];
                        region: string | null;
                        regionName: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description pending until a claim is verified */
                        verification: "pending" | "verified";
                        verifiedAt: string | null;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Other pending claims on the same collectivité */
                        competing: number;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        decidedBy: string | null;
                        displayName: string | null;
                        email: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        method: ("oidc-siret" | "operator" | "referent" | "invitation") | null;
                        officialCode: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string;
                        /** @description pending until a claim is verified */
                        organisationVerification: "pending" | "verified";
                        reason: string | null;
                        role: "elected" | "agent";
                        status: "pending" | "verified" | "rejected" | "withdrawn";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchOfficialOrganisations: {
        parameters: {
            query: {
                q: string;
                kind?: "commune" | "epci" | "departement" | "region";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            departement: string | null;
                            departementName: string | null;
                            epci: string | null;
                            epciName: string | null;
                            kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                            name: string;
                            /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                            officialCode: string;
                            population: number | null;
                            populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                            postcodes: string[];
                            region: string | null;
                            regionName: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Assigned advisors may see its diagnostics */
                        advisorConsent: boolean;
                        advisorConsentAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        departementName: string | null;
                        epci: string | null;
                        epciName: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        name: string;
                        /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                        officialCode: string;
                        operatorId: string | null;
                        population: number | null;
                        populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                        postcodes: string[];
                        region: string | null;
                        regionName: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description pending until a claim is verified */
                        verification: "pending" | "verified";
                        verifiedAt: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    operatorId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Assigned advisors may see its diagnostics */
                        advisorConsent: boolean;
                        advisorConsentAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        departementName: string | null;
                        epci: string | null;
                        epciName: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        name: string;
                        /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                        officialCode: string;
                        operatorId: string | null;
                        population: number | null;
                        populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                        postcodes: string[];
                        region: string | null;
                        regionName: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description pending until a claim is verified */
                        verification: "pending" | "verified";
                        verifiedAt: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantAdvisorConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Assigned advisors may see its diagnostics */
                        advisorConsent: boolean;
                        advisorConsentAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        departementName: string | null;
                        epci: string | null;
                        epciName: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        name: string;
                        /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                        officialCode: string;
                        operatorId: string | null;
                        population: number | null;
                        populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                        postcodes: string[];
                        region: string | null;
                        regionName: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description pending until a claim is verified */
                        verification: "pending" | "verified";
                        verifiedAt: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeAdvisorConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Assigned advisors may see its diagnostics */
                        advisorConsent: boolean;
                        advisorConsentAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        departementName: string | null;
                        epci: string | null;
                        epciName: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                        name: string;
                        /** @description INSEE code (commune), SIREN (EPCI, syndicat), code (département, région) */
                        officialCode: string;
                        operatorId: string | null;
                        population: number | null;
                        populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                        postcodes: string[];
                        region: string | null;
                        regionName: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description pending until a claim is verified */
                        verification: "pending" | "verified";
                        verifiedAt: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisationMembers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            displayName: string | null;
                            email: string | null;
                            jobTitle: string | null;
                            referent: boolean;
                            role: "elected" | "agent";
                            /** Format: date-time */
                            since: string;
                            /** Format: uuid */
                            userId: string;
                            /** @description pending until a claim is verified */
                            verification: "pending" | "verified";
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeOrganisationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganisationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    referent?: boolean;
                    role?: "elected" | "agent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referent: boolean;
                        role: "elected" | "agent";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPanorama: {
        parameters: {
            query?: {
                operatorId?: string;
                region?: string;
                departement?: string;
                populationBracket?: "under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus";
                groupBy?: "operatorId" | "region" | "departement" | "populationBracket";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Published groups for each value of `groupBy` (others left out) */
                        breakdown: {
                            filters: {
                                departement?: string;
                                operatorId?: string;
                                populationBracket?: string;
                                region?: string;
                            };
                            label: string;
                            published: boolean;
                            stats: {
                                collectivites: number;
                                indicators: {
                                    base: number | null;
                                    /** @description National indicator id (labels and national figures: top-level `indicators`) */
                                    id: string;
                                    value: number | null;
                                }[];
                                lenses: {
                                    base: number | null;
                                    label: string;
                                    lens: string;
                                    score: number | null;
                                }[];
                                /** @description Collectivités per level; null = suppressed (small count) */
                                levels: {
                                    A: number | null;
                                    B: number | null;
                                    C: number | null;
                                    D: number | null;
                                    E: number | null;
                                };
                                overallScore: number;
                                themes: {
                                    base: number | null;
                                    label: string;
                                    score: number | null;
                                    theme: string;
                                }[];
                            } | null;
                        }[];
                        /**
                         * Format: date-time
                         * @description When this release was published
                         */
                        generatedAt: string;
                        group: {
                            filters: {
                                departement?: string;
                                operatorId?: string;
                                populationBracket?: string;
                                region?: string;
                            };
                            label: string;
                            published: boolean;
                            stats: {
                                collectivites: number;
                                indicators: {
                                    base: number | null;
                                    /** @description National indicator id (labels and national figures: top-level `indicators`) */
                                    id: string;
                                    value: number | null;
                                }[];
                                lenses: {
                                    base: number | null;
                                    label: string;
                                    lens: string;
                                    score: number | null;
                                }[];
                                /** @description Collectivités per level; null = suppressed (small count) */
                                levels: {
                                    A: number | null;
                                    B: number | null;
                                    C: number | null;
                                    D: number | null;
                                    E: number | null;
                                };
                                overallScore: number;
                                themes: {
                                    base: number | null;
                                    label: string;
                                    score: number | null;
                                    theme: string;
                                }[];
                            } | null;
                        };
                        /** @description The national indicators the groups are measured on */
                        indicators: {
                            id: string;
                            label: string;
                            /** @description 2023 national survey figure (percent) */
                            national: number;
                        }[];
                        /** @description No group smaller than this is ever published */
                        minGroupSize: number;
                        nationalDataset: {
                            id: string;
                            version: number;
                        };
                        note: string;
                        release: {
                            /** @description Releases are numbered from 1 */
                            number: number;
                            /** Format: date-time */
                            publishedAt: string;
                        } | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPanoramaCsv: {
        parameters: {
            query?: {
                operatorId?: string;
                region?: string;
                departement?: string;
                populationBracket?: "under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus";
                groupBy?: "operatorId" | "region" | "departement" | "populationBracket";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8, comma-separated, header row) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProviders: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                q?: string;
                kind?: "company" | "scic" | "association" | "syndicate" | "public-body";
                region?: string;
                toolSlug?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                            name: string;
                            offers: {
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                priceIndication: string | null;
                                regions: string[];
                                toolName: string;
                                toolSlug: string;
                                url: string | null;
                            }[];
                            regions: string[];
                            siren: string | null;
                            slug: string;
                            /** Format: date-time */
                            updatedAt: string;
                            website: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
        };
    };
    createProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                    name: string;
                    regions?: string[];
                    siren?: string | null;
                    slug?: string;
                    /** Format: uri */
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                        name: string;
                        offers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            regions: string[];
                            toolName: string;
                            toolSlug: string;
                            url: string | null;
                        }[];
                        regions: string[];
                        siren: string | null;
                        slug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                        name: string;
                        offers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            regions: string[];
                            toolName: string;
                            toolSlug: string;
                            url: string | null;
                        }[];
                        regions: string[];
                        siren: string | null;
                        slug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    kind?: "company" | "scic" | "association" | "syndicate" | "public-body";
                    name?: string;
                    regions?: string[];
                    siren?: string | null;
                    /** Format: uri */
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                        name: string;
                        offers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            regions: string[];
                            toolName: string;
                            toolSlug: string;
                            url: string | null;
                        }[];
                        regions: string[];
                        siren: string | null;
                        slug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProviderOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    priceIndication?: string | null;
                    regions?: string[];
                    toolSlug: string;
                    /** Format: uri */
                    url?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                        name: string;
                        offers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            regions: string[];
                            toolName: string;
                            toolSlug: string;
                            url: string | null;
                        }[];
                        regions: string[];
                        siren: string | null;
                        slug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProviderOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                offerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProviderOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                offerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    priceIndication?: string | null;
                    regions?: string[];
                    /** Format: uri */
                    url?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: uuid */
                        id: string;
                        kind: "company" | "scic" | "association" | "syndicate" | "public-body";
                        name: string;
                        offers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            regions: string[];
                            toolName: string;
                            toolSlug: string;
                            url: string | null;
                        }[];
                        regions: string[];
                        siren: string | null;
                        slug: string;
                        /** Format: date-time */
                        updatedAt: string;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuestionnaires: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description True for the version new diagnostics use */
                        current: boolean;
                        id: string;
                        publishedAt: string;
                        questionCount: number;
                        title: string;
                        version: number;
                    }[];
                };
            };
        };
    };
    getQuestionnaire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A questionnaire version (the référentiel), in French */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        description: string;
                        id: string;
                        publishedAt: string;
                        questions: {
                            help: {
                                how: string;
                                why: string;
                            };
                            id: string;
                            label: string;
                            lenses: {
                                security: number;
                                sobriety: number;
                                sovereignty: number;
                            };
                            options: {
                                exclusive?: boolean;
                                id: string;
                                label: string;
                                score: number;
                            }[];
                            required: boolean;
                            scored: boolean;
                            showIf?: {
                                in: string[];
                                question: string;
                            };
                            theme: string;
                            type: "single" | "multiple";
                            weight: number;
                        }[];
                        themes: {
                            id: string;
                            label: string;
                        }[];
                        title: string;
                        version: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyRegistrations: {
        parameters: {
            query?: {
                upcoming?: boolean;
                includeCancelled?: boolean;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            cancelledAt: string | null;
                            /** @description Cancelled because the organisers cancelled the session */
                            cancelledWithSession: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            position: number | null;
                            promotedAt: string | null;
                            session?: {
                                /** @description Cancelled by its organisers: kept with its registrations, as history */
                                cancelled: boolean;
                                cancelledAt: string | null;
                                capacity: number;
                                endsAt: string;
                                endsAtLocal: string;
                                icsUrl: string;
                                /** Format: uuid */
                                id: string;
                                mode: "online" | "in-person";
                                /** @description French label */
                                modeLabel: string;
                                myRegistration: {
                                    /** Format: uuid */
                                    id: string;
                                    position: number | null;
                                    status: string;
                                    /** @description French label */
                                    statusLabel: string;
                                } | null;
                                onlineUrl: string | null;
                                operatorId: string | null;
                                place: string | null;
                                registeredCount: number;
                                seatsLeft: number;
                                /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                                startsAt: string;
                                /** @description Paris wall-clock time */
                                startsAtLocal: string;
                                /** @enum {string} */
                                timeZone: "Europe/Paris";
                                trainingSlug: string;
                                trainingTitle: string;
                                waitingCount: number;
                            };
                            /** Format: uuid */
                            sessionId: string;
                            status: "registered" | "waiting" | "cancelled";
                            /** @description French label */
                            statusLabel: string;
                            /** Format: uuid */
                            userId: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerToSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    sessionId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cancelledAt: string | null;
                        /** @description Cancelled because the organisers cancelled the session */
                        cancelledWithSession: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        position: number | null;
                        promotedAt: string | null;
                        session?: {
                            /** @description Cancelled by its organisers: kept with its registrations, as history */
                            cancelled: boolean;
                            cancelledAt: string | null;
                            capacity: number;
                            endsAt: string;
                            endsAtLocal: string;
                            icsUrl: string;
                            /** Format: uuid */
                            id: string;
                            mode: "online" | "in-person";
                            /** @description French label */
                            modeLabel: string;
                            myRegistration: {
                                /** Format: uuid */
                                id: string;
                                position: number | null;
                                status: string;
                                /** @description French label */
                                statusLabel: string;
                            } | null;
                            onlineUrl: string | null;
                            operatorId: string | null;
                            place: string | null;
                            registeredCount: number;
                            seatsLeft: number;
                            /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                            startsAt: string;
                            /** @description Paris wall-clock time */
                            startsAtLocal: string;
                            /** @enum {string} */
                            timeZone: "Europe/Paris";
                            trainingSlug: string;
                            trainingTitle: string;
                            waitingCount: number;
                        };
                        /** Format: uuid */
                        sessionId: string;
                        status: "registered" | "waiting" | "cancelled";
                        /** @description French label */
                        statusLabel: string;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myRegistrationsCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cancelledAt: string | null;
                        /** @description Cancelled because the organisers cancelled the session */
                        cancelledWithSession: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        position: number | null;
                        promotedAt: string | null;
                        session?: {
                            /** @description Cancelled by its organisers: kept with its registrations, as history */
                            cancelled: boolean;
                            cancelledAt: string | null;
                            capacity: number;
                            endsAt: string;
                            endsAtLocal: string;
                            icsUrl: string;
                            /** Format: uuid */
                            id: string;
                            mode: "online" | "in-person";
                            /** @description French label */
                            modeLabel: string;
                            myRegistration: {
                                /** Format: uuid */
                                id: string;
                                position: number | null;
                                status: string;
                                /** @description French label */
                                statusLabel: string;
                            } | null;
                            onlineUrl: string | null;
                            operatorId: string | null;
                            place: string | null;
                            registeredCount: number;
                            seatsLeft: number;
                            /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                            startsAt: string;
                            /** @description Paris wall-clock time */
                            startsAtLocal: string;
                            /** @enum {string} */
                            timeZone: "Europe/Paris";
                            trainingSlug: string;
                            trainingTitle: string;
                            waitingCount: number;
                        };
                        /** Format: uuid */
                        sessionId: string;
                        status: "registered" | "waiting" | "cancelled";
                        /** @description French label */
                        statusLabel: string;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchResources: {
        parameters: {
            query?: {
                q?: string;
                type?: string[];
                theme?: string[];
                audience?: string[];
                level?: string[];
                /** @description `national` or operator ids */
                operator?: string[];
                status?: string[];
                outdated?: boolean;
                sort?: "relevance" | "date" | "popularity" | "title";
                facets?: boolean;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facets: {
                            audience: {
                                count: number;
                                /** @description French label */
                                label: string;
                                selected: boolean;
                                value: string;
                            }[];
                            level: {
                                count: number;
                                /** @description French label */
                                label: string;
                                selected: boolean;
                                value: string;
                            }[];
                            operator: {
                                count: number;
                                /** @description French label */
                                label: string;
                                selected: boolean;
                                value: string;
                            }[];
                            theme: {
                                count: number;
                                /** @description French label */
                                label: string;
                                selected: boolean;
                                value: string;
                            }[];
                            type: {
                                count: number;
                                /** @description French label */
                                label: string;
                                selected: boolean;
                                value: string;
                            }[];
                        } | null;
                        items: {
                            audience: string[];
                            bookmarkCount: number;
                            durationMinutes: number | null;
                            /** Format: uuid */
                            id: string;
                            level: string;
                            /** @description French label */
                            levelLabel: string;
                            licence: string;
                            matchedThemes?: string[];
                            operatorId: string | null;
                            /** @description The review date has passed: the content may be out of date */
                            outdated: boolean;
                            publishedAt: string | null;
                            relatedTools: string[];
                            reviewBy: string | null;
                            /** @description Relevance of a text search */
                            score?: number;
                            slug: string;
                            sourceName: string | null;
                            sourceUrl: string | null;
                            status: "draft" | "in-review" | "published" | "archived";
                            /** @description French label */
                            statusLabel: string;
                            summary: string;
                            themes: string[];
                            title: string;
                            /** @description Resource type (see /v1/resources/vocabulary) */
                            type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                            /** @description French label */
                            typeLabel: string;
                            /** Format: date-time */
                            updatedAt: string;
                            viewCount: number;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience: ("elected" | "agent" | "advisor")[];
                    /** @description Markdown */
                    body: string;
                    durationMinutes?: number | null;
                    level: "beginner" | "intermediate" | "advanced";
                    /** @description e.g. Licence Ouverte 2.0, CC BY-SA 4.0 */
                    licence: string;
                    operatorId?: string | null;
                    relatedTools?: string[];
                    reviewBy?: string | null;
                    slug?: string;
                    sourceLicence?: string | null;
                    sourceName?: string | null;
                    sourceUrl?: string | null;
                    summary: string;
                    themes: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    title: string;
                    /** @description Resource type (see /v1/resources/vocabulary) */
                    type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachments: {
                            /** Format: date-time */
                            createdAt: string;
                            filename: string;
                            /** Format: uuid */
                            id: string;
                            mimeType: string;
                            sizeBytes: number;
                            url: string;
                        }[];
                        audience: string[];
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML, safe to insert in a page */
                        bodyHtml: string;
                        bookmarkCount: number;
                        canEdit: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        licence: string;
                        matchedThemes?: string[];
                        /** @description Open reports (staff only) */
                        openReports?: number;
                        operatorId: string | null;
                        /** @description The review date has passed: the content may be out of date */
                        outdated: boolean;
                        publishedAt: string | null;
                        relatedTools: string[];
                        reviewBy: string | null;
                        /** @description Relevance of a text search */
                        score?: number;
                        slug: string;
                        sourceLicence: string | null;
                        sourceName: string | null;
                        sourceUrl: string | null;
                        status: "draft" | "in-review" | "published" | "archived";
                        /** @description French label */
                        statusLabel: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        /** @description Resource type (see /v1/resources/vocabulary) */
                        type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                        /** @description French label */
                        typeLabel: string;
                        /** Format: date-time */
                        updatedAt: string;
                        viewCount: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resourcesForYou: {
        parameters: {
            query: {
                /** @description Theme ids, e.g. `?themes=gdpr,open-data` */
                themes: string[];
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            audience: string[];
                            bookmarkCount: number;
                            durationMinutes: number | null;
                            /** Format: uuid */
                            id: string;
                            level: string;
                            /** @description French label */
                            levelLabel: string;
                            licence: string;
                            matchedThemes?: string[];
                            operatorId: string | null;
                            /** @description The review date has passed: the content may be out of date */
                            outdated: boolean;
                            publishedAt: string | null;
                            relatedTools: string[];
                            reviewBy: string | null;
                            /** @description Relevance of a text search */
                            score?: number;
                            slug: string;
                            sourceName: string | null;
                            sourceUrl: string | null;
                            status: "draft" | "in-review" | "published" | "archived";
                            /** @description French label */
                            statusLabel: string;
                            summary: string;
                            themes: string[];
                            title: string;
                            /** @description Resource type (see /v1/resources/vocabulary) */
                            type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                            /** @description French label */
                            typeLabel: string;
                            /** Format: date-time */
                            updatedAt: string;
                            viewCount: number;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContentReports: {
        parameters: {
            query?: {
                status?: "open" | "resolved" | "dismissed";
                contentType?: "resource" | "experience" | "comment";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            contentId: string;
                            contentStatus?: string | null;
                            contentType: "resource" | "experience" | "comment";
                            /** Format: date-time */
                            createdAt: string;
                            experienceId?: string | null;
                            /** Format: uuid */
                            id: string;
                            message: string | null;
                            reason: string;
                            /** @description French label */
                            reasonLabel: string;
                            reporterId?: string | null;
                            resolutionNote?: string | null;
                            resolvedAt?: string | null;
                            resourceSlug?: string | null;
                            status: string;
                            title?: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveContentReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    status: "resolved" | "dismissed";
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resourceVocabulary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audiences: {
                            id: string;
                            label: string;
                        }[];
                        levels: {
                            id: string;
                            label: string;
                        }[];
                        licences: string[];
                        reportReasons: {
                            id: string;
                            label: string;
                        }[];
                        statuses: {
                            id: string;
                            label: string;
                        }[];
                        themes: {
                            id: string;
                            label: string;
                        }[];
                        types: {
                            id: string;
                            label: string;
                        }[];
                    };
                };
            };
        };
    };
    getResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachments: {
                            /** Format: date-time */
                            createdAt: string;
                            filename: string;
                            /** Format: uuid */
                            id: string;
                            mimeType: string;
                            sizeBytes: number;
                            url: string;
                        }[];
                        audience: string[];
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML, safe to insert in a page */
                        bodyHtml: string;
                        bookmarkCount: number;
                        canEdit: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        licence: string;
                        matchedThemes?: string[];
                        /** @description Open reports (staff only) */
                        openReports?: number;
                        operatorId: string | null;
                        /** @description The review date has passed: the content may be out of date */
                        outdated: boolean;
                        publishedAt: string | null;
                        relatedTools: string[];
                        reviewBy: string | null;
                        /** @description Relevance of a text search */
                        score?: number;
                        slug: string;
                        sourceLicence: string | null;
                        sourceName: string | null;
                        sourceUrl: string | null;
                        status: "draft" | "in-review" | "published" | "archived";
                        /** @description French label */
                        statusLabel: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        /** @description Resource type (see /v1/resources/vocabulary) */
                        type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                        /** @description French label */
                        typeLabel: string;
                        /** Format: date-time */
                        updatedAt: string;
                        viewCount: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience?: ("elected" | "agent" | "advisor")[];
                    /** @description Markdown */
                    body?: string;
                    durationMinutes?: number | null;
                    level?: "beginner" | "intermediate" | "advanced";
                    /** @description e.g. Licence Ouverte 2.0, CC BY-SA 4.0 */
                    licence?: string;
                    operatorId?: string | null;
                    relatedTools?: string[];
                    reviewBy?: string | null;
                    slug?: string;
                    sourceLicence?: string | null;
                    sourceName?: string | null;
                    sourceUrl?: string | null;
                    summary?: string;
                    themes?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    title?: string;
                    /** @description Resource type (see /v1/resources/vocabulary) */
                    type?: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachments: {
                            /** Format: date-time */
                            createdAt: string;
                            filename: string;
                            /** Format: uuid */
                            id: string;
                            mimeType: string;
                            sizeBytes: number;
                            url: string;
                        }[];
                        audience: string[];
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML, safe to insert in a page */
                        bodyHtml: string;
                        bookmarkCount: number;
                        canEdit: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        licence: string;
                        matchedThemes?: string[];
                        /** @description Open reports (staff only) */
                        openReports?: number;
                        operatorId: string | null;
                        /** @description The review date has passed: the content may be out of date */
                        outdated: boolean;
                        publishedAt: string | null;
                        relatedTools: string[];
                        reviewBy: string | null;
                        /** @description Relevance of a text search */
                        score?: number;
                        slug: string;
                        sourceLicence: string | null;
                        sourceName: string | null;
                        sourceUrl: string | null;
                        status: "draft" | "in-review" | "published" | "archived";
                        /** @description French label */
                        statusLabel: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        /** @description Resource type (see /v1/resources/vocabulary) */
                        type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                        /** @description French label */
                        typeLabel: string;
                        /** Format: date-time */
                        updatedAt: string;
                        viewCount: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadResourceAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        filename: string;
                        /** Format: uuid */
                        id: string;
                        mimeType: string;
                        sizeBytes: number;
                        url: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadResourceAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteResourceAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resourceHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        actorId: string | null;
                        /** Format: date-time */
                        at: string;
                        changes: string[];
                        fromStatus: string | null;
                        /** Format: uuid */
                        id: string;
                        note: string | null;
                        toStatus: string | null;
                    }[];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message?: string;
                    reason: "outdated" | "wrong" | "abuse" | "spam" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contentId: string;
                        contentStatus?: string | null;
                        contentType: "resource" | "experience" | "comment";
                        /** Format: date-time */
                        createdAt: string;
                        experienceId?: string | null;
                        /** Format: uuid */
                        id: string;
                        message: string | null;
                        reason: string;
                        /** @description French label */
                        reasonLabel: string;
                        reporterId?: string | null;
                        resolutionNote?: string | null;
                        resolvedAt?: string | null;
                        resourceSlug?: string | null;
                        status: string;
                        title?: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transitionResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    to: "draft" | "in-review" | "published" | "archived";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachments: {
                            /** Format: date-time */
                            createdAt: string;
                            filename: string;
                            /** Format: uuid */
                            id: string;
                            mimeType: string;
                            sizeBytes: number;
                            url: string;
                        }[];
                        audience: string[];
                        /** @description Markdown source */
                        body: string;
                        /** @description Sanitised HTML, safe to insert in a page */
                        bodyHtml: string;
                        bookmarkCount: number;
                        canEdit: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        licence: string;
                        matchedThemes?: string[];
                        /** @description Open reports (staff only) */
                        openReports?: number;
                        operatorId: string | null;
                        /** @description The review date has passed: the content may be out of date */
                        outdated: boolean;
                        publishedAt: string | null;
                        relatedTools: string[];
                        reviewBy: string | null;
                        /** @description Relevance of a text search */
                        score?: number;
                        slug: string;
                        sourceLicence: string | null;
                        sourceName: string | null;
                        sourceUrl: string | null;
                        status: "draft" | "in-review" | "published" | "archived";
                        /** @description French label */
                        statusLabel: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        /** @description Resource type (see /v1/resources/vocabulary) */
                        type: "article" | "guide" | "practical-sheet" | "video" | "podcast" | "webinar-replay" | "document-template" | "faq" | "teaching-tool";
                        /** @description French label */
                        typeLabel: string;
                        /** Format: date-time */
                        updatedAt: string;
                        viewCount: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviewsForModeration: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "published" | "rejected";
                toolSlug?: string;
                reported?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            authorId: string | null;
                            authorRole: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            departement: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            moderatedAt: string | null;
                            moderationNote: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string | null;
                            rating: number;
                            reportCount: number;
                            status: "pending" | "published" | "rejected";
                            text: string;
                            toolSlug: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewForModeration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        authorId: string | null;
                        authorRole: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        moderatedAt: string | null;
                        moderationNote: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        rating: number;
                        reportCount: number;
                        /** @description Reasons given by the members who reported it (pending reports; who reported is not shown) */
                        reports: {
                            /** Format: date-time */
                            createdAt: string;
                            reason: string;
                        }[];
                        status: "pending" | "published" | "rejected";
                        text: string;
                        toolName: string;
                        toolSlug: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string | null;
                    status: "published" | "rejected";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        authorId: string | null;
                        authorRole: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        moderatedAt: string | null;
                        moderationNote: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        rating: number;
                        reportCount: number;
                        status: "pending" | "published" | "rejected";
                        text: string;
                        toolSlug: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupportRequests: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                organisationId?: string;
                status?: "new" | "assigned" | "in-progress" | "closed";
                /** @description Only requests that are not closed */
                open?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Advisors the request was routed to */
                            advisorIds: string[];
                            assigneeId: string | null;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            diagnosticId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            /** @enum {unknown} */
                            matchedVia: "assigned" | "departement" | "coordinator" | "none";
                            matchedViaLabel: string;
                            operatorId: string | null;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string | null;
                            /** @enum {unknown} */
                            status: "new" | "assigned" | "in-progress" | "closed";
                            statusLabel: string;
                            topic: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSupportRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    diagnosticId?: string;
                    message: string;
                    /** Format: uuid */
                    organisationId: string;
                    topic: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Advisors the request was routed to */
                        advisorIds: string[];
                        assigneeId: string | null;
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        diagnosticId: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        lastActivityAt: string;
                        /** @enum {unknown} */
                        matchedVia: "assigned" | "departement" | "coordinator" | "none";
                        matchedViaLabel: string;
                        message: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        /** @enum {unknown} */
                        status: "new" | "assigned" | "in-progress" | "closed";
                        statusLabel: string;
                        timeline: {
                            actorId: string | null;
                            advisorIds: string[];
                            /** Format: date-time */
                            at: string;
                            fromStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                            /** @enum {unknown} */
                            kind: "requested" | "routed" | "assigned" | "status-changed" | "message" | "closed";
                            toStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                        }[];
                        topic: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupportRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Advisors the request was routed to */
                        advisorIds: string[];
                        assigneeId: string | null;
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        diagnosticId: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        lastActivityAt: string;
                        /** @enum {unknown} */
                        matchedVia: "assigned" | "departement" | "coordinator" | "none";
                        matchedViaLabel: string;
                        message: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        /** @enum {unknown} */
                        status: "new" | "assigned" | "in-progress" | "closed";
                        statusLabel: string;
                        timeline: {
                            actorId: string | null;
                            advisorIds: string[];
                            /** Format: date-time */
                            at: string;
                            fromStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                            /** @enum {unknown} */
                            kind: "requested" | "routed" | "assigned" | "status-changed" | "message" | "closed";
                            toStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                        }[];
                        topic: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignSupportRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Whom to assign; yourself when absent */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    advisorId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Advisors the request was routed to */
                        advisorIds: string[];
                        assigneeId: string | null;
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        diagnosticId: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        lastActivityAt: string;
                        /** @enum {unknown} */
                        matchedVia: "assigned" | "departement" | "coordinator" | "none";
                        matchedViaLabel: string;
                        message: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        /** @enum {unknown} */
                        status: "new" | "assigned" | "in-progress" | "closed";
                        statusLabel: string;
                        timeline: {
                            actorId: string | null;
                            advisorIds: string[];
                            /** Format: date-time */
                            at: string;
                            fromStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                            /** @enum {unknown} */
                            kind: "requested" | "routed" | "assigned" | "status-changed" | "message" | "closed";
                            toStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                        }[];
                        topic: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupportMessages: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            authorId: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            fromAdvisor: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            requestId: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSupportMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorId: string | null;
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        fromAdvisor: boolean;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        requestId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSupportRequestStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    status: "in-progress" | "closed";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Advisors the request was routed to */
                        advisorIds: string[];
                        assigneeId: string | null;
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        diagnosticId: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        lastActivityAt: string;
                        /** @enum {unknown} */
                        matchedVia: "assigned" | "departement" | "coordinator" | "none";
                        matchedViaLabel: string;
                        message: string;
                        operatorId: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        /** @enum {unknown} */
                        status: "new" | "assigned" | "in-progress" | "closed";
                        statusLabel: string;
                        timeline: {
                            actorId: string | null;
                            advisorIds: string[];
                            /** Format: date-time */
                            at: string;
                            fromStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                            /** @enum {unknown} */
                            kind: "requested" | "routed" | "assigned" | "status-changed" | "message" | "closed";
                            toStatus: ("new" | "assigned" | "in-progress" | "closed") | null;
                        }[];
                        topic: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listToolUsages: {
        parameters: {
            query: {
                limit?: number;
                offset?: number;
                organisationId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            comment: string | null;
                            contactConsent: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organisationId: string;
                            status: "uses" | "evaluating" | "abandoned";
                            toolName: string;
                            toolSlug: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declareToolUsage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string | null;
                    /** @default false */
                    contactConsent?: boolean;
                    /** Format: uuid */
                    organisationId: string;
                    status: "uses" | "evaluating" | "abandoned";
                    toolSlug: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        comment: string | null;
                        contactConsent: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organisationId: string;
                        status: "uses" | "evaluating" | "abandoned";
                        toolName: string;
                        toolSlug: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        comment: string | null;
                        contactConsent: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organisationId: string;
                        status: "uses" | "evaluating" | "abandoned";
                        toolName: string;
                        toolSlug: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawToolUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchTools: {
        parameters: {
            query?: {
                /** @description French full-text query */
                q?: string;
                category?: ("email" | "videoconference" | "agenda" | "contacts" | "office-suite" | "collaborative-editing" | "file-sharing" | "website" | "backup" | "passwords-security" | "forms-surveys" | "citizen-participation" | "open-data-publishing" | "mapping" | "project-management" | "citizen-relations" | "chat" | "operating-system" | "web-browser" | "social-media" | "newsletter" | "accounting-hr")[];
                theme?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                freeLicence?: boolean;
                dataLocation?: ("france" | "eu" | "outside-eu" | "depends")[];
                hostingMode?: ("saas" | "self-hosted" | "operator")[];
                costModel?: ("free" | "freemium" | "subscription" | "per-user" | "one-time" | "hosting-cost-only")[];
                skillLevel?: ("beginner" | "intermediate" | "expert")[];
                accessibility?: ("full" | "partial" | "none" | "unknown")[];
                offeredByMyOperator?: boolean;
                /** @description Custom criterion filter `key:value`; numbers as `key:min..max` (either bound optional) */
                attribute?: string[];
                /** @description Editors only; default published */
                status?: "published" | "draft" | "archived" | "any";
                sort?: "relevance" | "users" | "name" | "updated";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facets: {
                            accessibility: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            attributes: {
                                key: string;
                                kind: "boolean" | "enum" | "number" | "text";
                                label: string;
                                max?: number | null;
                                min?: number | null;
                                values: {
                                    count: number;
                                    label: string;
                                    value: string;
                                }[];
                            }[];
                            category: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            costModel: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            dataLocation: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            freeLicence: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            hostingMode: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            /** @description Empty unless the caller belongs to an operator’s collectivité */
                            offeredByMyOperator: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            skillLevel: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                            theme: {
                                count: number;
                                label: string;
                                value: string;
                            }[];
                        };
                        items: {
                            categories: string[];
                            costModel: string;
                            dataLocations: string[];
                            hostingModes: string[];
                            /** Format: uuid */
                            id: string;
                            isFree: boolean;
                            licence: string;
                            logoUrl: string | null;
                            name: string;
                            /** @description “Proposé par votre syndicat” */
                            offeredByMyOperator: boolean;
                            operatorOffer: {
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                operatorId: string;
                                operatorName: string | null;
                                priceIndication: string | null;
                                url: string | null;
                            } | null;
                            rating: {
                                /** @description Average of published reviews, 1 decimal */
                                average: number | null;
                                count: number;
                            };
                            rgaaDeclaration: string;
                            skillLevel: string;
                            slug: string;
                            status: "draft" | "published" | "archived";
                            summary: string;
                            themes: string[];
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Collectivités declaring they use it */
                            usersCount: number;
                        }[];
                        limit: number;
                        offset: number;
                        /** @description When a text query finds nothing: close words to try instead */
                        suggestions?: string[];
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTool: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessibility?: {
                        /** Format: uri */
                        declarationUrl?: string | null;
                        note?: string | null;
                        rgaaDeclaration: "full" | "partial" | "none" | "unknown";
                    };
                    alternativeTo?: string[];
                    categories: ("email" | "videoconference" | "agenda" | "contacts" | "office-suite" | "collaborative-editing" | "file-sharing" | "website" | "backup" | "passwords-security" | "forms-surveys" | "citizen-participation" | "open-data-publishing" | "mapping" | "project-management" | "citizen-relations" | "chat" | "operating-system" | "web-browser" | "social-media" | "newsletter" | "accounting-hr")[];
                    costModel: "free" | "freemium" | "subscription" | "per-user" | "one-time" | "hosting-cost-only";
                    /** @description Markdown; rendered to sanitised HTML */
                    description?: string;
                    externalIds?: {
                        comptoirDuLibre?: string | null;
                        framalibre?: string | null;
                        sill?: string | null;
                        wikidata?: string | null;
                    };
                    hosting?: {
                        dataLocation: "france" | "eu" | "outside-eu" | "depends";
                        mode: "saas" | "self-hosted" | "operator";
                        note?: string | null;
                    }[];
                    /** @description SPDX id or expression */
                    licence: string;
                    /** Format: uri */
                    logoUrl?: string | null;
                    name: string;
                    /** Format: uri */
                    repository?: string | null;
                    security?: {
                        endToEndEncryption: boolean | null;
                        note?: string | null;
                        /** @description SecNumCloud qualification (ANSSI) of the offer */
                        secNumCloud: boolean;
                        twoFactor: boolean | null;
                    };
                    skillLevel: "beginner" | "intermediate" | "expert";
                    slug?: string;
                    sobriety?: string | null;
                    standards?: string[];
                    /** @default draft */
                    status?: "draft" | "published";
                    summary: string;
                    themes?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    /** Format: uri */
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessibility: {
                            declarationUrl: string | null;
                            note: string | null;
                            rgaaDeclaration: string;
                        };
                        alternativeTo: string[];
                        /** @description Published tools replacing the same products, or free tools replacing this one */
                        alternatives: {
                            isFree: boolean;
                            name: string;
                            slug: string;
                            summary: string;
                            usersCount: number;
                        }[];
                        attributes: {
                            key: string;
                            kind: "boolean" | "enum" | "number" | "text";
                            label: string;
                            /** Format: uuid */
                            operatorId: string | null;
                            unit: string | null;
                            value: boolean | number | string;
                            /** @description French display of the value */
                            valueLabel: string;
                        }[];
                        categories: string[];
                        /** @description How complete the sheet is: the editor’s to-do list */
                        completeness: {
                            /** @description Facts of the sheet that are documented */
                            documented: number;
                            /** @description The facts not documented yet (key of `criteria`, French label) */
                            missing: {
                                key: string;
                                label: string;
                            }[];
                            /** @description Facts an editor documents for every tool */
                            total: number;
                        };
                        costModel: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Every criterion in plain French, in the order of the comparison table (custom ones last) */
                        criteria: {
                            /** @description French display of the value (« Gratuit ») */
                            display: string;
                            /** @description French heading it belongs to (« Sécurité ») */
                            group: string;
                            key: string;
                            /** @description French name of the criterion (« Modèle de coût ») */
                            label: string;
                        }[];
                        description: {
                            html: string;
                            markdown: string;
                        };
                        externalIds: {
                            comptoirDuLibre: string | null;
                            framalibre: string | null;
                            sill: string | null;
                            wikidata: string | null;
                        };
                        hosting: {
                            dataLocation: string;
                            mode: string;
                            note: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        isFree: boolean;
                        licence: string;
                        logoUrl: string | null;
                        name: string;
                        offeredByMyOperator: boolean;
                        operatorOffer: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            operatorId: string;
                            operatorName: string | null;
                            priceIndication: string | null;
                            url: string | null;
                        } | null;
                        providerOffers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            provider: {
                                kind: string;
                                name: string;
                                slug: string;
                                website: string | null;
                            };
                            regions: string[];
                            url: string | null;
                        }[];
                        /** Format: date-time */
                        publishedAt: string | null;
                        rating: {
                            /** @description Average of published reviews, 1 decimal */
                            average: number | null;
                            count: number;
                        };
                        repository: string | null;
                        revision: number;
                        security: {
                            endToEndEncryption: boolean | null;
                            note: string | null;
                            secNumCloud: boolean;
                            twoFactor: boolean | null;
                        };
                        /** @description Published tools sharing its categories */
                        similar: {
                            isFree: boolean;
                            name: string;
                            slug: string;
                            summary: string;
                            usersCount: number;
                        }[];
                        skillLevel: string;
                        slug: string;
                        sobriety: string | null;
                        standards: string[];
                        status: "draft" | "published" | "archived";
                        summary: string;
                        themes: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usersCount: number;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    compareTools: {
        parameters: {
            query: {
                /** @description Comma-separated slugs */
                slugs: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: {
                            group: string;
                            key: string;
                            label: string;
                            values: {
                                display: string;
                                slug: string;
                                value: unknown;
                            }[];
                        }[];
                        tools: {
                            accessibility: {
                                declarationUrl: string | null;
                                note: string | null;
                                rgaaDeclaration: string;
                            };
                            alternativeTo: string[];
                            /** @description Published tools replacing the same products, or free tools replacing this one */
                            alternatives: {
                                isFree: boolean;
                                name: string;
                                slug: string;
                                summary: string;
                                usersCount: number;
                            }[];
                            attributes: {
                                key: string;
                                kind: "boolean" | "enum" | "number" | "text";
                                label: string;
                                /** Format: uuid */
                                operatorId: string | null;
                                unit: string | null;
                                value: boolean | number | string;
                                /** @description French display of the value */
                                valueLabel: string;
                            }[];
                            categories: string[];
                            /** @description How complete the sheet is: the editor’s to-do list */
                            completeness: {
                                /** @description Facts of the sheet that are documented */
                                documented: number;
                                /** @description The facts not documented yet (key of `criteria`, French label) */
                                missing: {
                                    key: string;
                                    label: string;
                                }[];
                                /** @description Facts an editor documents for every tool */
                                total: number;
                            };
                            costModel: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Every criterion in plain French, in the order of the comparison table (custom ones last) */
                            criteria: {
                                /** @description French display of the value (« Gratuit ») */
                                display: string;
                                /** @description French heading it belongs to (« Sécurité ») */
                                group: string;
                                key: string;
                                /** @description French name of the criterion (« Modèle de coût ») */
                                label: string;
                            }[];
                            description: {
                                html: string;
                                markdown: string;
                            };
                            externalIds: {
                                comptoirDuLibre: string | null;
                                framalibre: string | null;
                                sill: string | null;
                                wikidata: string | null;
                            };
                            hosting: {
                                dataLocation: string;
                                mode: string;
                                note: string | null;
                            }[];
                            /** Format: uuid */
                            id: string;
                            isFree: boolean;
                            licence: string;
                            logoUrl: string | null;
                            name: string;
                            offeredByMyOperator: boolean;
                            operatorOffer: {
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                operatorId: string;
                                operatorName: string | null;
                                priceIndication: string | null;
                                url: string | null;
                            } | null;
                            providerOffers: {
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                priceIndication: string | null;
                                provider: {
                                    kind: string;
                                    name: string;
                                    slug: string;
                                    website: string | null;
                                };
                                regions: string[];
                                url: string | null;
                            }[];
                            /** Format: date-time */
                            publishedAt: string | null;
                            rating: {
                                /** @description Average of published reviews, 1 decimal */
                                average: number | null;
                                count: number;
                            };
                            repository: string | null;
                            revision: number;
                            security: {
                                endToEndEncryption: boolean | null;
                                note: string | null;
                                secNumCloud: boolean;
                                twoFactor: boolean | null;
                            };
                            /** @description Published tools sharing its categories */
                            similar: {
                                isFree: boolean;
                                name: string;
                                slug: string;
                                summary: string;
                                usersCount: number;
                            }[];
                            skillLevel: string;
                            slug: string;
                            sobriety: string | null;
                            standards: string[];
                            status: "draft" | "published" | "archived";
                            summary: string;
                            themes: string[];
                            /** Format: date-time */
                            updatedAt: string;
                            usersCount: number;
                            website: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishTools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slugs: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        published: string[];
                        unchanged: string[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessibility: {
                            declarationUrl: string | null;
                            note: string | null;
                            rgaaDeclaration: string;
                        };
                        alternativeTo: string[];
                        /** @description Published tools replacing the same products, or free tools replacing this one */
                        alternatives: {
                            isFree: boolean;
                            name: string;
                            slug: string;
                            summary: string;
                            usersCount: number;
                        }[];
                        attributes: {
                            key: string;
                            kind: "boolean" | "enum" | "number" | "text";
                            label: string;
                            /** Format: uuid */
                            operatorId: string | null;
                            unit: string | null;
                            value: boolean | number | string;
                            /** @description French display of the value */
                            valueLabel: string;
                        }[];
                        categories: string[];
                        /** @description How complete the sheet is: the editor’s to-do list */
                        completeness: {
                            /** @description Facts of the sheet that are documented */
                            documented: number;
                            /** @description The facts not documented yet (key of `criteria`, French label) */
                            missing: {
                                key: string;
                                label: string;
                            }[];
                            /** @description Facts an editor documents for every tool */
                            total: number;
                        };
                        costModel: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Every criterion in plain French, in the order of the comparison table (custom ones last) */
                        criteria: {
                            /** @description French display of the value (« Gratuit ») */
                            display: string;
                            /** @description French heading it belongs to (« Sécurité ») */
                            group: string;
                            key: string;
                            /** @description French name of the criterion (« Modèle de coût ») */
                            label: string;
                        }[];
                        description: {
                            html: string;
                            markdown: string;
                        };
                        externalIds: {
                            comptoirDuLibre: string | null;
                            framalibre: string | null;
                            sill: string | null;
                            wikidata: string | null;
                        };
                        hosting: {
                            dataLocation: string;
                            mode: string;
                            note: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        isFree: boolean;
                        licence: string;
                        logoUrl: string | null;
                        name: string;
                        offeredByMyOperator: boolean;
                        operatorOffer: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            operatorId: string;
                            operatorName: string | null;
                            priceIndication: string | null;
                            url: string | null;
                        } | null;
                        providerOffers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            provider: {
                                kind: string;
                                name: string;
                                slug: string;
                                website: string | null;
                            };
                            regions: string[];
                            url: string | null;
                        }[];
                        /** Format: date-time */
                        publishedAt: string | null;
                        rating: {
                            /** @description Average of published reviews, 1 decimal */
                            average: number | null;
                            count: number;
                        };
                        repository: string | null;
                        revision: number;
                        security: {
                            endToEndEncryption: boolean | null;
                            note: string | null;
                            secNumCloud: boolean;
                            twoFactor: boolean | null;
                        };
                        /** @description Published tools sharing its categories */
                        similar: {
                            isFree: boolean;
                            name: string;
                            slug: string;
                            summary: string;
                            usersCount: number;
                        }[];
                        skillLevel: string;
                        slug: string;
                        sobriety: string | null;
                        standards: string[];
                        status: "draft" | "published" | "archived";
                        summary: string;
                        themes: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usersCount: number;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessibility?: {
                        /** Format: uri */
                        declarationUrl?: string | null;
                        note?: string | null;
                        rgaaDeclaration: "full" | "partial" | "none" | "unknown";
                    };
                    alternativeTo?: string[];
                    categories?: ("email" | "videoconference" | "agenda" | "contacts" | "office-suite" | "collaborative-editing" | "file-sharing" | "website" | "backup" | "passwords-security" | "forms-surveys" | "citizen-participation" | "open-data-publishing" | "mapping" | "project-management" | "citizen-relations" | "chat" | "operating-system" | "web-browser" | "social-media" | "newsletter" | "accounting-hr")[];
                    costModel?: "free" | "freemium" | "subscription" | "per-user" | "one-time" | "hosting-cost-only";
                    /** @description Markdown; rendered to sanitised HTML */
                    description?: string;
                    externalIds?: {
                        comptoirDuLibre?: string | null;
                        framalibre?: string | null;
                        sill?: string | null;
                        wikidata?: string | null;
                    };
                    hosting?: {
                        dataLocation: "france" | "eu" | "outside-eu" | "depends";
                        mode: "saas" | "self-hosted" | "operator";
                        note?: string | null;
                    }[];
                    /** @description SPDX id or expression */
                    licence?: string;
                    /** Format: uri */
                    logoUrl?: string | null;
                    name?: string;
                    /** Format: uri */
                    repository?: string | null;
                    security?: {
                        endToEndEncryption: boolean | null;
                        note?: string | null;
                        /** @description SecNumCloud qualification (ANSSI) of the offer */
                        secNumCloud: boolean;
                        twoFactor: boolean | null;
                    };
                    skillLevel?: "beginner" | "intermediate" | "expert";
                    sobriety?: string | null;
                    standards?: string[];
                    status?: "draft" | "published" | "archived";
                    summary?: string;
                    themes?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    /** Format: uri */
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessibility: {
                            declarationUrl: string | null;
                            note: string | null;
                            rgaaDeclaration: string;
                        };
                        alternativeTo: string[];
                        /** @description Published tools replacing the same products, or free tools replacing this one */
                        alternatives: {
                            isFree: boolean;
                            name: string;
                            slug: string;
                            summary: string;
                            usersCount: number;
                        }[];
                        attributes: {
                            key: string;
                            kind: "boolean" | "enum" | "number" | "text";
                            label: string;
                            /** Format: uuid */
                            operatorId: string | null;
                            unit: string | null;
                            value: boolean | number | string;
                            /** @description French display of the value */
                            valueLabel: string;
                        }[];
                        categories: string[];
                        /** @description How complete the sheet is: the editor’s to-do list */
                        completeness: {
                            /** @description Facts of the sheet that are documented */
                            documented: number;
                            /** @description The facts not documented yet (key of `criteria`, French label) */
                            missing: {
                                key: string;
                                label: string;
                            }[];
                            /** @description Facts an editor documents for every tool */
                            total: number;
                        };
                        costModel: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Every criterion in plain French, in the order of the comparison table (custom ones last) */
                        criteria: {
                            /** @description French display of the value (« Gratuit ») */
                            display: string;
                            /** @description French heading it belongs to (« Sécurité ») */
                            group: string;
                            key: string;
                            /** @description French name of the criterion (« Modèle de coût ») */
                            label: string;
                        }[];
                        description: {
                            html: string;
                            markdown: string;
                        };
                        externalIds: {
                            comptoirDuLibre: string | null;
                            framalibre: string | null;
                            sill: string | null;
                            wikidata: string | null;
                        };
                        hosting: {
                            dataLocation: string;
                            mode: string;
                            note: string | null;
                        }[];
                        /** Format: uuid */
                        id: string;
                        isFree: boolean;
                        licence: string;
                        logoUrl: string | null;
                        name: string;
                        offeredByMyOperator: boolean;
                        operatorOffer: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            operatorId: string;
                            operatorName: string | null;
                            priceIndication: string | null;
                            url: string | null;
                        } | null;
                        providerOffers: {
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            priceIndication: string | null;
                            provider: {
                                kind: string;
                                name: string;
                                slug: string;
                                website: string | null;
                            };
                            regions: string[];
                            url: string | null;
                        }[];
                        /** Format: date-time */
                        publishedAt: string | null;
                        rating: {
                            /** @description Average of published reviews, 1 decimal */
                            average: number | null;
                            count: number;
                        };
                        repository: string | null;
                        revision: number;
                        security: {
                            endToEndEncryption: boolean | null;
                            note: string | null;
                            secNumCloud: boolean;
                            twoFactor: boolean | null;
                        };
                        /** @description Published tools sharing its categories */
                        similar: {
                            isFree: boolean;
                            name: string;
                            slug: string;
                            summary: string;
                            usersCount: number;
                        }[];
                        skillLevel: string;
                        slug: string;
                        sobriety: string | null;
                        standards: string[];
                        status: "draft" | "published" | "archived";
                        summary: string;
                        themes: string[];
                        /** Format: date-time */
                        updatedAt: string;
                        usersCount: number;
                        website: string | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setToolAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description boolean, number, enum option value or text (≤ 500 characters) */
                    value: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    clearToolAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    contactToolUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    fromOrganisationId: string;
                    message: string;
                    /** Format: uuid */
                    toOrganisationId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contactId: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getToolHistory: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            /** Format: date-time */
                            changedAt: string;
                            /** Format: uuid */
                            changedBy: string | null;
                            changes: {
                                [key: string]: {
                                    from: unknown;
                                    to: unknown;
                                };
                            };
                            revision: number;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listToolReviews: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            authorRole: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            departement: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string | null;
                            rating: number;
                            text: string;
                            toolSlug: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    organisationId: string;
                    rating: number;
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        authorId: string | null;
                        authorRole: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        departement: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        moderatedAt: string | null;
                        moderationNote: string | null;
                        /** Format: uuid */
                        organisationId: string;
                        organisationName: string | null;
                        rating: number;
                        reportCount: number;
                        status: "pending" | "published" | "rejected";
                        text: string;
                        toolSlug: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getToolUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Collectivités that use it, by département (label: its name when known, else its code) */
                        byDepartement: {
                            count: number;
                            label: string;
                            value: string;
                        }[];
                        /** @description Collectivités that use it, by population bracket */
                        byPopulationBracket: {
                            count: number;
                            label: string;
                            value: string;
                        }[];
                        /** @description Collectivités that use it, by région (INSEE code; label: its name when known, else its code) */
                        byRegion: {
                            count: number;
                            label: string;
                            value: string;
                        }[];
                        byStatus: {
                            count: number;
                            label: string;
                            value: string;
                        }[];
                        /** @description Collectivités that agreed to be contacted (no email is ever exposed) */
                        contactable: {
                            comment: string | null;
                            departement: string | null;
                            name: string;
                            /** Format: uuid */
                            organisationId: string;
                            populationBracket: ("under-500" | "500-999" | "1000-4999" | "5000-19999" | "20000-plus") | null;
                            status: "uses" | "evaluating" | "abandoned";
                        }[];
                        toolSlug: string;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrainingSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Cancelled by its organisers: kept with its registrations, as history */
                        cancelled: boolean;
                        cancelledAt: string | null;
                        capacity: number;
                        endsAt: string;
                        endsAtLocal: string;
                        icsUrl: string;
                        /** Format: uuid */
                        id: string;
                        mode: "online" | "in-person";
                        /** @description French label */
                        modeLabel: string;
                        myRegistration: {
                            /** Format: uuid */
                            id: string;
                            position: number | null;
                            status: string;
                            /** @description French label */
                            statusLabel: string;
                        } | null;
                        onlineUrl: string | null;
                        operatorId: string | null;
                        place: string | null;
                        registeredCount: number;
                        seatsLeft: number;
                        /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                        startsAt: string;
                        /** @description Paris wall-clock time */
                        startsAtLocal: string;
                        /** @enum {string} */
                        timeZone: "Europe/Paris";
                        trainingSlug: string;
                        trainingTitle: string;
                        waitingCount: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTrainingSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTrainingSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capacity?: number;
                    /**
                     * @description Europe/Paris wall-clock time `YYYY-MM-DDTHH:mm[:ss]`, or an RFC 3339 instant with offset
                     * @example 2027-01-21T14:00
                     */
                    endsAt?: string;
                    mode?: "online" | "in-person";
                    onlineUrl?: string | null;
                    place?: string | null;
                    /**
                     * @description Europe/Paris wall-clock time `YYYY-MM-DDTHH:mm[:ss]`, or an RFC 3339 instant with offset
                     * @example 2027-01-21T14:00
                     */
                    startsAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Cancelled by its organisers: kept with its registrations, as history */
                        cancelled: boolean;
                        cancelledAt: string | null;
                        capacity: number;
                        endsAt: string;
                        endsAtLocal: string;
                        icsUrl: string;
                        /** Format: uuid */
                        id: string;
                        mode: "online" | "in-person";
                        /** @description French label */
                        modeLabel: string;
                        myRegistration: {
                            /** Format: uuid */
                            id: string;
                            position: number | null;
                            status: string;
                            /** @description French label */
                            statusLabel: string;
                        } | null;
                        onlineUrl: string | null;
                        operatorId: string | null;
                        place: string | null;
                        registeredCount: number;
                        seatsLeft: number;
                        /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                        startsAt: string;
                        /** @description Paris wall-clock time */
                        startsAtLocal: string;
                        /** @enum {string} */
                        timeZone: "Europe/Paris";
                        trainingSlug: string;
                        trainingTitle: string;
                        waitingCount: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    trainingSessionCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTrainingSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Cancelled by its organisers: kept with its registrations, as history */
                        cancelled: boolean;
                        cancelledAt: string | null;
                        capacity: number;
                        endsAt: string;
                        endsAtLocal: string;
                        icsUrl: string;
                        /** Format: uuid */
                        id: string;
                        mode: "online" | "in-person";
                        /** @description French label */
                        modeLabel: string;
                        myRegistration: {
                            /** Format: uuid */
                            id: string;
                            position: number | null;
                            status: string;
                            /** @description French label */
                            statusLabel: string;
                        } | null;
                        onlineUrl: string | null;
                        operatorId: string | null;
                        place: string | null;
                        registeredCount: number;
                        seatsLeft: number;
                        /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                        startsAt: string;
                        /** @description Paris wall-clock time */
                        startsAtLocal: string;
                        /** @enum {string} */
                        timeZone: "Europe/Paris";
                        trainingSlug: string;
                        trainingTitle: string;
                        waitingCount: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessionRegistrations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cancelledAt: string | null;
                        /** @description Cancelled because the organisers cancelled the session */
                        cancelledWithSession: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        position: number | null;
                        promotedAt: string | null;
                        session?: {
                            /** @description Cancelled by its organisers: kept with its registrations, as history */
                            cancelled: boolean;
                            cancelledAt: string | null;
                            capacity: number;
                            endsAt: string;
                            endsAtLocal: string;
                            icsUrl: string;
                            /** Format: uuid */
                            id: string;
                            mode: "online" | "in-person";
                            /** @description French label */
                            modeLabel: string;
                            myRegistration: {
                                /** Format: uuid */
                                id: string;
                                position: number | null;
                                status: string;
                                /** @description French label */
                                statusLabel: string;
                            } | null;
                            onlineUrl: string | null;
                            operatorId: string | null;
                            place: string | null;
                            registeredCount: number;
                            seatsLeft: number;
                            /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                            startsAt: string;
                            /** @description Paris wall-clock time */
                            startsAtLocal: string;
                            /** @enum {string} */
                            timeZone: "Europe/Paris";
                            trainingSlug: string;
                            trainingTitle: string;
                            waitingCount: number;
                        };
                        /** Format: uuid */
                        sessionId: string;
                        status: "registered" | "waiting" | "cancelled";
                        /** @description French label */
                        statusLabel: string;
                        /** Format: uuid */
                        userId: string;
                    }[];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTrainings: {
        parameters: {
            query?: {
                q?: string;
                theme?: string[];
                operator?: string[];
                /** @description Only trainings with a session to come */
                upcoming?: boolean;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facets: {
                            /** @description Trainings per theme, with every filter but the themes (disjunctive) */
                            theme: {
                                count: number;
                                /** @description French label */
                                label: string;
                                selected: boolean;
                                value: string;
                            }[];
                        };
                        items: {
                            audience: string[];
                            durationMinutes: number | null;
                            /** Format: uuid */
                            id: string;
                            level: string;
                            /** @description French label */
                            levelLabel: string;
                            nextSessionAt: string | null;
                            operatorId: string | null;
                            slug: string;
                            summary: string;
                            themes: string[];
                            title: string;
                            upcomingSessions: number;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTraining: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience: ("elected" | "agent" | "advisor")[];
                    description: string;
                    durationMinutes?: number | null;
                    level: "beginner" | "intermediate" | "advanced";
                    operatorId?: string | null;
                    slug?: string;
                    summary: string;
                    themes: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audience: string[];
                        description: string;
                        descriptionHtml: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        nextSessionAt: string | null;
                        operatorId: string | null;
                        sessions: {
                            /** @description Cancelled by its organisers: kept with its registrations, as history */
                            cancelled: boolean;
                            cancelledAt: string | null;
                            capacity: number;
                            endsAt: string;
                            endsAtLocal: string;
                            icsUrl: string;
                            /** Format: uuid */
                            id: string;
                            mode: "online" | "in-person";
                            /** @description French label */
                            modeLabel: string;
                            myRegistration: {
                                /** Format: uuid */
                                id: string;
                                position: number | null;
                                status: string;
                                /** @description French label */
                                statusLabel: string;
                            } | null;
                            onlineUrl: string | null;
                            operatorId: string | null;
                            place: string | null;
                            registeredCount: number;
                            seatsLeft: number;
                            /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                            startsAt: string;
                            /** @description Paris wall-clock time */
                            startsAtLocal: string;
                            /** @enum {string} */
                            timeZone: "Europe/Paris";
                            trainingSlug: string;
                            trainingTitle: string;
                            waitingCount: number;
                        }[];
                        slug: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        upcomingSessions: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTraining: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audience: string[];
                        description: string;
                        descriptionHtml: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        nextSessionAt: string | null;
                        operatorId: string | null;
                        sessions: {
                            /** @description Cancelled by its organisers: kept with its registrations, as history */
                            cancelled: boolean;
                            cancelledAt: string | null;
                            capacity: number;
                            endsAt: string;
                            endsAtLocal: string;
                            icsUrl: string;
                            /** Format: uuid */
                            id: string;
                            mode: "online" | "in-person";
                            /** @description French label */
                            modeLabel: string;
                            myRegistration: {
                                /** Format: uuid */
                                id: string;
                                position: number | null;
                                status: string;
                                /** @description French label */
                                statusLabel: string;
                            } | null;
                            onlineUrl: string | null;
                            operatorId: string | null;
                            place: string | null;
                            registeredCount: number;
                            seatsLeft: number;
                            /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                            startsAt: string;
                            /** @description Paris wall-clock time */
                            startsAtLocal: string;
                            /** @enum {string} */
                            timeZone: "Europe/Paris";
                            trainingSlug: string;
                            trainingTitle: string;
                            waitingCount: number;
                        }[];
                        slug: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        upcomingSessions: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTraining: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTraining: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience?: ("elected" | "agent" | "advisor")[];
                    description?: string;
                    durationMinutes?: number | null;
                    level?: "beginner" | "intermediate" | "advanced";
                    operatorId?: string | null;
                    slug?: string;
                    summary?: string;
                    themes?: ("governance" | "equipment" | "connectivity" | "telework" | "data-storage" | "security" | "email" | "videoconference" | "website" | "agenda" | "contacts" | "collaboration" | "gdpr" | "open-data" | "open-source" | "sobriety")[];
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audience: string[];
                        description: string;
                        descriptionHtml: string;
                        durationMinutes: number | null;
                        /** Format: uuid */
                        id: string;
                        level: string;
                        /** @description French label */
                        levelLabel: string;
                        nextSessionAt: string | null;
                        operatorId: string | null;
                        sessions: {
                            /** @description Cancelled by its organisers: kept with its registrations, as history */
                            cancelled: boolean;
                            cancelledAt: string | null;
                            capacity: number;
                            endsAt: string;
                            endsAtLocal: string;
                            icsUrl: string;
                            /** Format: uuid */
                            id: string;
                            mode: "online" | "in-person";
                            /** @description French label */
                            modeLabel: string;
                            myRegistration: {
                                /** Format: uuid */
                                id: string;
                                position: number | null;
                                status: string;
                                /** @description French label */
                                statusLabel: string;
                            } | null;
                            onlineUrl: string | null;
                            operatorId: string | null;
                            place: string | null;
                            registeredCount: number;
                            seatsLeft: number;
                            /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                            startsAt: string;
                            /** @description Paris wall-clock time */
                            startsAtLocal: string;
                            /** @enum {string} */
                            timeZone: "Europe/Paris";
                            trainingSlug: string;
                            trainingTitle: string;
                            waitingCount: number;
                        }[];
                        slug: string;
                        summary: string;
                        themes: string[];
                        title: string;
                        upcomingSessions: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTrainingSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capacity: number;
                    /**
                     * @description Europe/Paris wall-clock time `YYYY-MM-DDTHH:mm[:ss]`, or an RFC 3339 instant with offset
                     * @example 2027-01-21T14:00
                     */
                    endsAt: string;
                    mode: "online" | "in-person";
                    onlineUrl?: string | null;
                    place?: string | null;
                    /**
                     * @description Europe/Paris wall-clock time `YYYY-MM-DDTHH:mm[:ss]`, or an RFC 3339 instant with offset
                     * @example 2027-01-21T14:00
                     */
                    startsAt: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Cancelled by its organisers: kept with its registrations, as history */
                        cancelled: boolean;
                        cancelledAt: string | null;
                        capacity: number;
                        endsAt: string;
                        endsAtLocal: string;
                        icsUrl: string;
                        /** Format: uuid */
                        id: string;
                        mode: "online" | "in-person";
                        /** @description French label */
                        modeLabel: string;
                        myRegistration: {
                            /** Format: uuid */
                            id: string;
                            position: number | null;
                            status: string;
                            /** @description French label */
                            statusLabel: string;
                        } | null;
                        onlineUrl: string | null;
                        operatorId: string | null;
                        place: string | null;
                        registeredCount: number;
                        seatsLeft: number;
                        /** @description RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00 */
                        startsAt: string;
                        /** @description Paris wall-clock time */
                        startsAtLocal: string;
                        /** @enum {string} */
                        timeZone: "Europe/Paris";
                        trainingSlug: string;
                        trainingTitle: string;
                        waitingCount: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    showUnsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Notification category */
                        category: "auth" | "diagnostics" | "support" | "trainings" | "digest" | "moderation" | "community";
                        label: string;
                        /** @description True once email for this category is off */
                        unsubscribed: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Notification category */
                        category: "auth" | "diagnostics" | "support" | "trainings" | "digest" | "moderation" | "community";
                        label: string;
                        /** @description True once email for this category is off */
                        unsubscribed: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Part of an email or name */
                q?: string;
                role?: "advisor" | "editor" | "admin";
                operatorId?: string;
                /** @description Only these accounts (`ids=…&ids=…`): names of a list of people in one call */
                ids?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string | null;
                            email: string;
                            emailVerified: boolean;
                            /** Format: uuid */
                            id: string;
                            jobTitle: string | null;
                            lastLoginAt: string | null;
                            operatorId: string | null;
                            platformRoles: ("advisor" | "editor" | "admin")[];
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        displayName: string | null;
                        email: string;
                        emailVerified: boolean;
                        hasPassword: boolean;
                        /** Format: uuid */
                        id: string;
                        jobTitle: string | null;
                        memberships: {
                            kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            referent: boolean;
                            role: "elected" | "agent";
                            /** @description pending until a claim is verified */
                            verification: "pending" | "verified";
                        }[];
                        operatorId: string | null;
                        platformRoles: ("advisor" | "editor" | "admin")[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string | null;
                    jobTitle?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        displayName: string | null;
                        email: string;
                        emailVerified: boolean;
                        hasPassword: boolean;
                        /** Format: uuid */
                        id: string;
                        jobTitle: string | null;
                        memberships: {
                            kind: "commune" | "epci" | "departement" | "region" | "syndicat";
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            referent: boolean;
                            role: "elected" | "agent";
                            /** @description pending until a claim is verified */
                            verification: "pending" | "verified";
                        }[];
                        operatorId: string | null;
                        platformRoles: ("advisor" | "editor" | "admin")[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword?: string;
                    /** @description At least 12 characters, hard to guess (zxcvbn score 3 or more with the French dictionary) and without the email, the name or a collectivité’s name; otherwise 422 OSI_IDENTITY_WEAK_PASSWORD whose field error explains why, in French */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMySessions: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            current: boolean;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastUsedAt: string;
                            method: string;
                            userAgent: string | null;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeAllMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        displayName: string | null;
                        email: string;
                        emailVerified: boolean;
                        /** Format: uuid */
                        id: string;
                        jobTitle: string | null;
                        lastLoginAt: string | null;
                        operatorId: string | null;
                        platformRoles: ("advisor" | "editor" | "admin")[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    operatorId?: string | null;
                    roles: ("advisor" | "editor" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        displayName: string | null;
                        email: string;
                        emailVerified: boolean;
                        /** Format: uuid */
                        id: string;
                        jobTitle: string | null;
                        lastLoginAt: string | null;
                        operatorId: string | null;
                        platformRoles: ("advisor" | "editor" | "admin")[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            disabledAt: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            /** Format: uuid */
                            id: string;
                            operatorId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    eventTypes: ("osinum.identity.organisation.created" | "osinum.identity.organisation.updated" | "osinum.diagnostics.diagnostic.submitted" | "osinum.diagnostics.support-request.requested" | "osinum.diagnostics.support-request.assigned" | "osinum.diagnostics.support-request.closed" | "osinum.diagnostics.reminder.due" | "osinum.catalogue.tool.published" | "osinum.catalogue.review.submitted" | "osinum.resources.resource.published" | "osinum.resources.content.reported" | "*")[];
                    /** @description The platform admin only: register on behalf of an operator (null = national) */
                    operatorId?: string | null;
                    /** @description https:// endpoint receiving the POSTs */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        disabledAt: string | null;
                        disabledReason: string | null;
                        enabled: boolean;
                        eventTypes: string[];
                        /** Format: uuid */
                        id: string;
                        operatorId: string | null;
                        /** @description whsec_… signing secret: store it now, it is never shown again */
                        secret: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        disabledAt: string | null;
                        disabledReason: string | null;
                        enabled: boolean;
                        eventTypes: string[];
                        /** Format: uuid */
                        id: string;
                        operatorId: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    eventTypes?: ("osinum.identity.organisation.created" | "osinum.identity.organisation.updated" | "osinum.diagnostics.diagnostic.submitted" | "osinum.diagnostics.support-request.requested" | "osinum.diagnostics.support-request.assigned" | "osinum.diagnostics.support-request.closed" | "osinum.diagnostics.reminder.due" | "osinum.catalogue.tool.published" | "osinum.catalogue.review.submitted" | "osinum.resources.resource.published" | "osinum.resources.content.reported" | "*")[];
                    /** @description https:// endpoint receiving the POSTs */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        disabledAt: string | null;
                        disabledReason: string | null;
                        enabled: boolean;
                        eventTypes: string[];
                        /** Format: uuid */
                        id: string;
                        operatorId: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            /** Format: uuid */
                            eventId: string;
                            eventType: string;
                            /** Format: uuid */
                            id: string;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            status: "pending" | "delivered" | "failed";
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
