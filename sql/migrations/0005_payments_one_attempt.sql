-- Payments: at most one attempt per pledge and action, enforced by the database, so that two
-- concurrent starters (double submit, two ticks) share one row and one idempotency key.
ALTER TABLE {p}payment_attempts ADD UNIQUE KEY uq_payment_attempts_pledge_action (pledge_id, action), DROP KEY idx_payment_attempts_pledge;
