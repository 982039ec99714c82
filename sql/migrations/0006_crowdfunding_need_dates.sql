-- Crowdfunding: optional dates on an in-kind need (from / until, both inclusive), so that accepting
-- a citizen's offer of a lendable item requests the loan for those dates. Both set or both empty.
-- Constraint names carry the prefix: two installs with different prefixes may share a database.
ALTER TABLE {p}needs
  ADD COLUMN needed_from DATE NULL AFTER quantity,
  ADD COLUMN needed_until DATE NULL AFTER needed_from,
  ADD CONSTRAINT {p}chk_need_dates CHECK ((needed_from IS NULL AND needed_until IS NULL) OR (needed_from IS NOT NULL AND needed_until IS NOT NULL AND needed_until >= needed_from));
