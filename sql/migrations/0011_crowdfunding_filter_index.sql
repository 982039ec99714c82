-- The project listing filtered by theme and neighbourhood (and a state): the theme's index
-- (theme, state, published_at, id) gave the page in date order and MariaDB checked the
-- neighbourhood row by row, reading more rows as the campaigns grew (bench/scale: 40 → 73 rows
-- from 1 000 to 200 000 campaigns for a page of 13). With both equalities and the state in front
-- of the date, a page reads its own rows, newest first, and stops at the page's end. Theme alone,
-- neighbourhood alone and state alone keep their indexes (0004, 0007).
ALTER TABLE {p}campaigns
  ADD KEY idx_campaign_theme_neighbourhood (theme, neighbourhood, state, published_at, id);
