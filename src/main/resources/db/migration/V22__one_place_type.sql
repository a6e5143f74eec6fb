-- The rows that have a place in the organisation tree hold it in the same five columns, the
-- embeddable place type (common/OrgLocation): street, community, grid, building, household, each
-- null below the row's own level. Notices and group robots lacked the finer ones; they are added
-- here, empty, so that every such row maps the one type.
ALTER TABLE notice ADD COLUMN household_id uuid REFERENCES household (id);
ALTER TABLE group_chat ADD COLUMN building_id uuid REFERENCES building (id);
ALTER TABLE group_chat ADD COLUMN household_id uuid REFERENCES household (id);
