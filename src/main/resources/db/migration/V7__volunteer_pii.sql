-- Volunteers' names, availability and notes are sealed like phone numbers (common/PiiCipher).
-- The plain columns stay until the re-sealing job (common/PiiRotation) has moved every row; a
-- later migration drops them.
ALTER TABLE volunteer
    ADD COLUMN name_enc bytea,
    ADD COLUMN availability_enc bytea,
    ADD COLUMN note_enc bytea,
    ALTER COLUMN name DROP NOT NULL,
    ADD CONSTRAINT volunteer_has_a_name CHECK (name IS NOT NULL OR name_enc IS NOT NULL);
