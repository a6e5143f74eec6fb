-- The contracted supplier (保供企业) a package is bought from in bulk (集采), so the purchase list
-- can be split per supplier. Optional: products created before it, or bought ad hoc, have none.
ALTER TABLE product ADD COLUMN supplier varchar(64);
