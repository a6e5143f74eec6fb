-- How many of the reminders before a shift (tongxin.shift.remind-before: 12 h, then 1 h) its
-- claimant has been sent; ShiftReminders sends the next one when its time comes. A cancelled claim
-- is deleted, so it is never reminded.
ALTER TABLE shift_claim ADD COLUMN reminders_sent smallint NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0);
