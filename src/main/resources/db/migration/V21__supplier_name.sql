-- A SUPPLIER (保供企业) grant names the supplier its holder works for, as the community's products
-- name it (product.supplier), so that a supplier reads its own purchase list and packing sheet and
-- not its competitors'. The invitation carries the name to the grant it creates. Only SUPPLIER
-- rows have one.
ALTER TABLE invitation ADD COLUMN supplier varchar(64);
ALTER TABLE invitation ADD CONSTRAINT invitation_supplier_only CHECK (supplier IS NULL OR role = 'SUPPLIER');
ALTER TABLE role_grant ADD COLUMN supplier varchar(64);
ALTER TABLE role_grant ADD CONSTRAINT role_grant_supplier_only CHECK (supplier IS NULL OR role = 'SUPPLIER');
