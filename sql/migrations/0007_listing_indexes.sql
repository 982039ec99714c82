-- Indexes found missing by bench/scale (pages must cost the same with 1 000 or 200 000 rows):
-- the home page's live campaigns (featured first, then newest) read three index entries instead
-- of sorting every live campaign; the skill and barter listings filtered by category walk that
-- category's active rows newest first instead of every active row until a page is full.
ALTER TABLE {p}campaigns ADD KEY idx_campaign_live (state, featured, published_at, id);
ALTER TABLE {p}skill_listings ADD KEY idx_skill_category (status, category, id);
ALTER TABLE {p}exchange_items ADD KEY idx_item_category (status, category, id);
