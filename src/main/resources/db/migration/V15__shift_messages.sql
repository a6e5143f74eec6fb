-- What the shift feature has told people about a claim (through notices):
--   reminders_sent: how many of the reminders before the shift (tongxin.shift.remind-before: 12 h,
--     then 1 h) its claimant was sent; ShiftReminders sends the next one when its time comes. A
--     cancelled claim is deleted, so it is never reminded;
--   no_show_reported: the community's staff were told that its claimant did not check in.
ALTER TABLE shift_claim ADD COLUMN reminders_sent smallint NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0);
ALTER TABLE shift_claim ADD COLUMN no_show_reported boolean NOT NULL DEFAULT false;
