-- A word index for the campaigns' search, so that a rare word's newest campaigns cost the same
-- with 1 000 or 200 000 campaigns (bench/scale: FULLTEXT read every campaign holding the word to
-- sort them by date, 224 at 200 000 campaigns). For each published campaign, every token of its
-- title, summary and description (core::SearchTokens: the folded text from each place a word may
-- start), with the campaign's publication date: a prefix of a searched word is a range of this
-- key, read from its covering index, and only the page's campaigns are then fetched and checked
-- with the word-start REGEXP (crowdfunding/repository.cpp). Written by Placette in the same
-- transaction as the text or the publication; no foreign key, so that rows deleted with SQL do
-- not fail (their words only cost a lookup until `placette-admin reindex-search` drops them).
CREATE TABLE {p}campaign_words (
  word VARBINARY(84) NOT NULL,
  published_at DATETIME NOT NULL,
  campaign_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (word, published_at, campaign_id),
  KEY idx_campaign_words_campaign (campaign_id, word)
) ENGINE=InnoDB;

-- Which text (its MD5) and date each campaign's words were taken from: `placette-admin reindex-search`
-- and `tick` compare it with the campaigns to find rows written or changed by other means
-- (imports, SQL by hand) and index them again.
CREATE TABLE {p}campaign_search (
  campaign_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  text_md5 BINARY(16) NOT NULL,
  published_at DATETIME NOT NULL
) ENGINE=InnoDB;
