-- Crowdfunding: campaigns and their decision log, rewards, in-kind needs and offers, owner news,
-- pledges and the append-only ledger. Money: BIGINT minor units + CHAR(3) currency. Times: UTC.
-- Campaigns. pledged_minor (pending + paid) and collected_minor (Σ ledger payments − refunds) are
-- cached totals written in the same transaction as the pledge or ledger entry that moves them.
CREATE TABLE {p}campaigns (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_id BIGINT UNSIGNED NOT NULL,
  owner_name VARCHAR(250) NOT NULL,
  state ENUM('draft','submitted','live','succeeded','failed','cancelled','rejected','realised') NOT NULL DEFAULT 'draft',
  title VARCHAR(160) NOT NULL,
  slug VARCHAR(80) NOT NULL,
  summary VARCHAR(500) NOT NULL,
  description MEDIUMTEXT NOT NULL,
  neighbourhood VARCHAR(64) NOT NULL,
  theme VARCHAR(64) NOT NULL,
  call_id BIGINT UNSIGNED NULL,
  place VARCHAR(200) NOT NULL DEFAULT '',
  latitude DECIMAL(9,6) NULL,
  longitude DECIMAL(9,6) NULL,
  goal_minor BIGINT NOT NULL,
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  funding_model ENUM('all_or_nothing','keep_it_all') NOT NULL DEFAULT 'all_or_nothing',
  duration_days SMALLINT UNSIGNED NOT NULL,
  cap_percent SMALLINT UNSIGNED NOT NULL DEFAULT 150,
  review_message TEXT NULL,
  featured TINYINT(1) NOT NULL DEFAULT 0,
  pledged_minor BIGINT NOT NULL DEFAULT 0,
  collected_minor BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  submitted_at DATETIME NULL,
  published_at DATETIME NULL,
  ends_at DATETIME NULL,
  closed_at DATETIME NULL,
  CONSTRAINT chk_campaign_goal CHECK (goal_minor > 0),
  CONSTRAINT chk_campaign_totals CHECK (pledged_minor >= 0 AND collected_minor >= 0),
  CONSTRAINT chk_campaign_cap CHECK (pledged_minor <= goal_minor * cap_percent DIV 100),
  CONSTRAINT chk_campaign_dates CHECK (state IN ('draft','submitted','rejected') OR (published_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > published_at)),
  CONSTRAINT chk_campaign_location CHECK ((latitude IS NULL) = (longitude IS NULL)),
  KEY idx_campaign_owner (owner_id, created_at),
  KEY idx_campaign_published (published_at, id),
  KEY idx_campaign_state (state, published_at, id),
  KEY idx_campaign_theme (theme, state, published_at, id),
  KEY idx_campaign_neighbourhood (neighbourhood, state, published_at, id),
  KEY idx_campaign_ends (state, ends_at),
  FULLTEXT KEY ft_campaign_text (title, summary, description)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every state change and logged edit: who (0 = placette-admin tick), when, from, to, and the message.
CREATE TABLE {p}campaign_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT UNSIGNED NOT NULL,
  actor_id BIGINT UNSIGNED NOT NULL,
  actor_name VARCHAR(250) NOT NULL,
  action VARCHAR(32) NOT NULL,
  from_state VARCHAR(16) NOT NULL,
  to_state VARCHAR(16) NOT NULL,
  message TEXT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT fk_log_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  KEY idx_log_campaign (campaign_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rewards: claimed counts pending, paid and refund-pending pledges; it can never pass the limit.
CREATE TABLE {p}rewards (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(160) NOT NULL,
  description TEXT NOT NULL,
  min_amount_minor BIGINT NOT NULL,
  quantity_limit INT UNSIGNED NULL,
  claimed INT UNSIGNED NOT NULL DEFAULT 0,
  estimated_delivery DATE NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  CONSTRAINT fk_reward_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  CONSTRAINT chk_reward_min CHECK (min_amount_minor > 0),
  CONSTRAINT chk_reward_claims CHECK (quantity_limit IS NULL OR claimed <= quantity_limit),
  KEY idx_reward_campaign (campaign_id, min_amount_minor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- In-kind needs and the citizens' offers of help; accepted offers count towards the quantity.
-- An offer may point at one of the citizen's skill listings or lendable items (link_type, link_id).
CREATE TABLE {p}needs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('skill','equipment','volunteers','space','other') NOT NULL,
  title VARCHAR(160) NOT NULL,
  description TEXT NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT fk_need_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  CONSTRAINT chk_need_quantity CHECK (quantity > 0),
  KEY idx_need_campaign (campaign_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE {p}need_offers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  need_id BIGINT UNSIGNED NOT NULL,
  campaign_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  user_name VARCHAR(250) NOT NULL,
  message TEXT NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  link_type VARCHAR(16) NULL,
  link_id BIGINT UNSIGNED NULL,
  state ENUM('open','accepted','declined') NOT NULL DEFAULT 'open',
  created_at DATETIME NOT NULL,
  decided_at DATETIME NULL,
  CONSTRAINT fk_offer_need FOREIGN KEY (need_id) REFERENCES {p}needs (id),
  CONSTRAINT fk_offer_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  CONSTRAINT chk_offer_quantity CHECK (quantity > 0),
  KEY idx_offer_campaign (campaign_id, state),
  KEY idx_offer_need (need_id, state),
  KEY idx_offer_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- News the owner posts on the campaign page.
CREATE TABLE {p}campaign_updates (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT UNSIGNED NOT NULL,
  author_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(160) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT fk_update_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  KEY idx_update_campaign (campaign_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Pledges. The form's idempotency token is unique per backer: a double submit finds the first.
-- provider/provider_ref belong to the payment provider (manual: the town hall desk).
CREATE TABLE {p}pledges (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT UNSIGNED NOT NULL,
  backer_id BIGINT UNSIGNED NOT NULL,
  reward_id BIGINT UNSIGNED NULL,
  amount_minor BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  state ENUM('pending','paid','failed','expired','refund_pending','refunded') NOT NULL DEFAULT 'pending',
  anonymous TINYINT(1) NOT NULL DEFAULT 0,
  display_name VARCHAR(250) NOT NULL,
  public_message VARCHAR(2000) NOT NULL DEFAULT '',
  idempotency_token CHAR(32) NOT NULL,
  provider VARCHAR(32) NOT NULL,
  provider_ref VARCHAR(191) NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  paid_at DATETIME NULL,
  failed_at DATETIME NULL,
  expired_at DATETIME NULL,
  refund_requested_at DATETIME NULL,
  refunded_at DATETIME NULL,
  CONSTRAINT fk_pledge_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  CONSTRAINT fk_pledge_reward FOREIGN KEY (reward_id) REFERENCES {p}rewards (id),
  CONSTRAINT chk_pledge_amount CHECK (amount_minor > 0),
  CONSTRAINT chk_pledge_paid CHECK (state NOT IN ('paid','refund_pending','refunded') OR paid_at IS NOT NULL),
  UNIQUE KEY uq_pledge_token (backer_id, idempotency_token),
  UNIQUE KEY uq_pledge_provider_ref (provider, provider_ref),
  KEY idx_pledge_campaign (campaign_id, state, backer_id),
  KEY idx_pledge_backer (backer_id, created_at),
  KEY idx_pledge_state (state, provider, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The accounting truth, append-only (no UPDATE or DELETE anywhere in the code). Signed amounts:
-- payment and match > 0; refund, match_withdrawal, fee and payout < 0. once_key makes "one payment
-- and one refund per pledge, one fee per campaign" a rule of the database itself.
CREATE TABLE {p}ledger_entries (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('payment','refund','match','match_withdrawal','fee','payout') NOT NULL,
  campaign_id BIGINT UNSIGNED NOT NULL,
  pledge_id BIGINT UNSIGNED NULL,
  sponsor_id BIGINT UNSIGNED NULL,
  amount_minor BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  provider VARCHAR(32) NOT NULL DEFAULT '',
  provider_ref VARCHAR(191) NULL,
  actor_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  once_key VARCHAR(64) AS (CASE WHEN kind IN ('payment','refund') THEN CONCAT(kind, ':', pledge_id) WHEN kind = 'fee' THEN CONCAT('fee:', campaign_id) ELSE NULL END) PERSISTENT,
  CONSTRAINT fk_ledger_campaign FOREIGN KEY (campaign_id) REFERENCES {p}campaigns (id),
  CONSTRAINT fk_ledger_pledge FOREIGN KEY (pledge_id) REFERENCES {p}pledges (id),
  CONSTRAINT chk_ledger_sign CHECK ((kind IN ('payment','match') AND amount_minor > 0) OR (kind NOT IN ('payment','match') AND amount_minor < 0)),
  CONSTRAINT chk_ledger_pledge CHECK (kind NOT IN ('payment','refund') OR pledge_id IS NOT NULL),
  UNIQUE KEY uq_ledger_once (once_key),
  KEY idx_ledger_campaign (campaign_id, kind),
  KEY idx_ledger_pledge (pledge_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
