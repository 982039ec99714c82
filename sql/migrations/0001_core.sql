-- Placette core tables. `{p}` is replaced by the table prefix (plc_ by default).
-- Audit log of staff and owner decisions: who did what to which record, and when.
CREATE TABLE {p}audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  actor_id BIGINT UNSIGNED NOT NULL,
  action VARCHAR(64) NOT NULL,
  subject_type VARCHAR(32) NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  detail TEXT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_audit_subject (subject_type, subject_id),
  KEY idx_audit_actor (actor_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
