-- The skill and barter listings filtered by any choice of category, neighbourhood and kind
-- (bench/scale: three filters walked the category's rows and checked the other two row by row,
-- 26 → 411 rows from 1 000 to 200 000 campaigns). One index per combination, each the listing's
-- equalities then id, so a page reads its rows newest first and stops at the page's end; the
-- statement names only the filters chosen (skills/repository.cpp, exchange/repository.cpp).
-- No filter: idx_*_status (0003); category alone: idx_*_category (0007). A skill's mode (two
-- values) is checked on the rows these give.
ALTER TABLE {p}skill_listings
  ADD KEY idx_skill_kind (status, kind, id),
  ADD KEY idx_skill_neighbourhood (status, neighbourhood, id),
  ADD KEY idx_skill_kind_category (status, kind, category, id),
  ADD KEY idx_skill_kind_neighbourhood (status, kind, neighbourhood, id),
  ADD KEY idx_skill_category_neighbourhood (status, category, neighbourhood, id),
  ADD KEY idx_skill_all (status, kind, category, neighbourhood, id);
ALTER TABLE {p}exchange_items
  ADD KEY idx_item_kind (status, kind, id),
  ADD KEY idx_item_neighbourhood (status, neighbourhood, id),
  ADD KEY idx_item_kind_category (status, kind, category, id),
  ADD KEY idx_item_kind_neighbourhood (status, kind, neighbourhood, id),
  ADD KEY idx_item_category_neighbourhood (status, category, neighbourhood, id),
  ADD KEY idx_item_all (status, kind, category, neighbourhood, id);
