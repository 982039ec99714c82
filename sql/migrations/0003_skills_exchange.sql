-- Skill-sharing, barter & lending, and the community parts they need: people seen, conversations,
-- notifications, feedback, and the time bank's append-only hours ledger. `{p}` = table prefix.
-- Host users Placette has seen write something, with the name the host gave them at that time
-- (Placette has no accounts: this is only what public pages show, never an e-mail).
CREATE TABLE {p}people (
  user_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  display_name VARCHAR(250) NOT NULL,
  first_seen_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Skill offers and requests. kind: offer | request; mode: free | time_bank;
-- status: active | paused | expired | closed.
CREATE TABLE {p}skill_listings (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(16) CHARACTER SET ascii NOT NULL,
  title VARCHAR(150) NOT NULL,
  description TEXT NOT NULL,
  category VARCHAR(64) CHARACTER SET ascii NOT NULL,
  neighbourhood VARCHAR(64) CHARACTER SET ascii NOT NULL,
  availability VARCHAR(250) NOT NULL,
  mode VARCHAR(16) CHARACTER SET ascii NOT NULL,
  status VARCHAR(16) CHARACTER SET ascii NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  KEY idx_skill_status (status, id),
  KEY idx_skill_owner (owner_id, id),
  KEY idx_skill_expiry (status, expires_at),
  FULLTEXT KEY ft_skill (title, description)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- An exchange recorded on a skill listing between its giver (who helped) and its receiver.
-- status: proposed | done | cancelled. Done when both confirmed; minutes > 0 only in time_bank mode.
CREATE TABLE {p}skill_exchanges (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  listing_id BIGINT UNSIGNED NOT NULL,
  giver_id BIGINT UNSIGNED NOT NULL,
  receiver_id BIGINT UNSIGNED NOT NULL,
  proposer_id BIGINT UNSIGNED NOT NULL,
  mode VARCHAR(16) CHARACTER SET ascii NOT NULL,
  minutes INT NOT NULL,
  note VARCHAR(250) NOT NULL,
  status VARCHAR(16) CHARACTER SET ascii NOT NULL,
  giver_confirmed_at DATETIME NULL,
  receiver_confirmed_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  done_at DATETIME NULL,
  KEY idx_sx_listing (listing_id, id),
  KEY idx_sx_giver (giver_id, id),
  KEY idx_sx_receiver (receiver_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- One row per time-bank account, locked (SELECT ... FOR UPDATE, ascending user id) while a
-- transfer checks the floor and writes its two ledger entries.
CREATE TABLE {p}hours_accounts (
  user_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Append-only, double-entry: each done exchange writes -minutes for the receiver and +minutes for
-- the giver. Never updated or deleted; a balance is the sum of a user's entries.
CREATE TABLE {p}hours_ledger (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  exchange_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  counterpart_id BIGINT UNSIGNED NOT NULL,
  minutes INT NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_hours_entry (exchange_id, user_id),
  KEY idx_hours_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Barter & lending items. kind: give | lend | swap | request; item_condition: new | good | fair |
-- worn | none; status: active | paused | expired | closed | done (given or swapped, with partner_id).
CREATE TABLE {p}exchange_items (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(16) CHARACTER SET ascii NOT NULL,
  title VARCHAR(150) NOT NULL,
  description TEXT NOT NULL,
  category VARCHAR(64) CHARACTER SET ascii NOT NULL,
  item_condition VARCHAR(16) CHARACTER SET ascii NOT NULL,
  neighbourhood VARCHAR(64) CHARACTER SET ascii NOT NULL,
  status VARCHAR(16) CHARACTER SET ascii NOT NULL,
  has_photo TINYINT(1) NOT NULL DEFAULT 0,
  partner_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  done_at DATETIME NULL,
  KEY idx_item_status (status, id),
  KEY idx_item_owner (owner_id, id),
  KEY idx_item_expiry (status, expires_at),
  FULLTEXT KEY ft_item (title, description)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- An item's photo, re-encoded by Placette (no EXIF or other metadata survives).
CREATE TABLE {p}exchange_photos (
  item_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  content_type VARCHAR(32) CHARACTER SET ascii NOT NULL,
  width INT UNSIGNED NOT NULL,
  height INT UNSIGNED NOT NULL,
  bytes MEDIUMBLOB NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Loans of lendable items; dates are inclusive days. status: requested | accepted | declined |
-- cancelled | on_loan | overdue | returned. Accepted/on_loan/overdue periods of one item never
-- overlap (checked under a row lock on the item). source: citizen | need (a crowdfunding need).
CREATE TABLE {p}loans (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id BIGINT UNSIGNED NOT NULL,
  owner_id BIGINT UNSIGNED NOT NULL,
  borrower_id BIGINT UNSIGNED NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  status VARCHAR(16) CHARACTER SET ascii NOT NULL,
  message VARCHAR(500) NOT NULL,
  handover_note VARCHAR(500) NOT NULL DEFAULT '',
  return_note VARCHAR(500) NOT NULL DEFAULT '',
  source VARCHAR(16) CHARACTER SET ascii NOT NULL DEFAULT 'citizen',
  source_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  handed_over_at DATETIME NULL,
  returned_at DATETIME NULL,
  KEY idx_loan_item (item_id, status, start_date),
  KEY idx_loan_borrower (borrower_id, id),
  KEY idx_loan_owner (owner_id, id),
  KEY idx_loan_due (status, end_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- A private thread between two citizens about a subject (skill, item, loan, need...).
-- *_read_id: the last message id each party has seen (unread = newer messages by the other).
CREATE TABLE {p}conversations (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_type VARCHAR(16) CHARACTER SET ascii NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  starter_id BIGINT UNSIGNED NOT NULL,
  other_id BIGINT UNSIGNED NOT NULL,
  starter_read_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  other_read_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  last_message_at DATETIME NOT NULL,
  UNIQUE KEY uq_conversation (subject_type, subject_id, starter_id, other_id),
  KEY idx_conv_starter (starter_id, last_message_at),
  KEY idx_conv_other (other_id, last_message_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE {p}messages (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  conversation_id BIGINT UNSIGNED NOT NULL,
  author_id BIGINT UNSIGNED NOT NULL,
  body TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_messages_conv (conversation_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- One short feedback per party after a completed exchange or a returned loan.
CREATE TABLE {p}feedback (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_type VARCHAR(16) CHARACTER SET ascii NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  author_id BIGINT UNSIGNED NOT NULL,
  about_id BIGINT UNSIGNED NOT NULL,
  body VARCHAR(500) NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_feedback (subject_type, subject_id, author_id),
  KEY idx_feedback_about (about_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- In-app notifications (e-mail delivery reads the same rows later). dedupe_key makes a reminder
-- sent by a re-run tick a no-op.
CREATE TABLE {p}notifications (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(32) CHARACTER SET ascii NOT NULL,
  title VARCHAR(200) NOT NULL,
  path VARCHAR(250) NOT NULL,
  dedupe_key VARCHAR(120) CHARACTER SET ascii NULL,
  created_at DATETIME NOT NULL,
  read_at DATETIME NULL,
  UNIQUE KEY uq_notification_dedupe (dedupe_key),
  KEY idx_notifications_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
