-- Who may see and change what (issue 7). Secrets are never stored: sessions and API tokens
-- are kept as SHA-256 hashes of random values, passwords as scrypt hashes.
CREATE TABLE accounts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- lower case, so that 'Amani' and 'amani' cannot be two accounts
  username      text NOT NULL CONSTRAINT username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name  text,
  role          text NOT NULL CONSTRAINT account_role CHECK (role IN ('viewer', 'editor', 'partner', 'admin')),
  -- null: an account for scripts, reached by API tokens only
  password_hash text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  -- accounts are disabled, never deleted: the audit log keeps naming them
  disabled_at   timestamptz,
  CONSTRAINT username_taken UNIQUE (username)
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  account_id  bigint NOT NULL REFERENCES accounts (id),
  -- sent back by the browser in a header on every write; another site cannot read it
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES accounts (id),
  name          text NOT NULL CONSTRAINT token_name_length CHECK (length(name) BETWEEN 1 AND 100),
  token_hash    text NOT NULL CONSTRAINT token_hash_unique UNIQUE,
  -- the first characters, so that a token seen in a script can be found in the list
  prefix        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  last_used_at  timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
