-- The time zone a user chose with /tz (an IANA name such as 'Europe/Berlin', or a fixed offset 'UTC+05:30').
-- NULL means the default, Europe/Moscow. Used to read "вчера в 18:00" and to show notification deadlines.
ALTER TABLE users ADD COLUMN timezone TEXT;
