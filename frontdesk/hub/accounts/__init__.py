"""Who is who on the hub: organisations (tenancy) and their accounts, passwords, sign-in
tokens and Open311 API keys, the role checks every endpoint makes, and the audit log of
who did what."""
