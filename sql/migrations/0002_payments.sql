-- Payments: webhook event deduplication and the idempotency keys of every outgoing provider call.
-- `{p}` is replaced by the table prefix (plc_ by default).
-- One row per provider notification applied (or deliberately ignored); the unique key makes a
-- redelivered event a no-op. Mollie's id-only webhooks are recorded as "<payment id>:<status>".
CREATE TABLE {p}payment_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider VARCHAR(16) CHARACTER SET ascii NOT NULL,
  event_id VARCHAR(255) CHARACTER SET ascii NOT NULL,
  event_type VARCHAR(64) CHARACTER SET ascii NOT NULL,
  reference VARCHAR(255) CHARACTER SET ascii NULL,
  received_at DATETIME NOT NULL,
  outcome VARCHAR(32) CHARACTER SET ascii NOT NULL,
  UNIQUE KEY uq_payment_events (provider, event_id),
  KEY idx_payment_events_ref (provider, reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Every outgoing call that creates money movement (checkout, refund), written with its key
-- BEFORE the call and updated with the provider's answer; a retry reuses the same key and the
-- same parameters (`request`, JSON without secrets), as providers require.
CREATE TABLE {p}payment_attempts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  pledge_id BIGINT UNSIGNED NOT NULL,
  backer_id BIGINT UNSIGNED NULL,
  action VARCHAR(16) CHARACTER SET ascii NOT NULL,
  idempotency_key VARCHAR(255) CHARACTER SET ascii NOT NULL,
  provider VARCHAR(16) CHARACTER SET ascii NOT NULL,
  amount_minor BIGINT NOT NULL,
  currency CHAR(3) CHARACTER SET ascii NOT NULL,
  provider_reference VARCHAR(255) CHARACTER SET ascii NULL,
  payment_reference VARCHAR(255) CHARACTER SET ascii NULL,
  redirect_url VARCHAR(2048) NULL,
  request TEXT NULL,
  status VARCHAR(16) CHARACTER SET ascii NOT NULL,
  error VARCHAR(255) NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_payment_attempts_key (idempotency_key),
  KEY idx_payment_attempts_pledge (pledge_id, action),
  KEY idx_payment_attempts_ref (provider, provider_reference),
  KEY idx_payment_attempts_payref (provider, payment_reference),
  KEY idx_payment_attempts_status (action, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
