-- Outbox claims under a lease, so that several replicas can share one outbox. A claim writes a token of its own
-- (`claimed_by`: the claiming process and its claim number) and `lease_until` (the outbox clock's ISO time, like
-- next_attempt_at). A row in 'sending' whose lease ran out belongs to a sender that died or hung: the next claim
-- takes it. Outcomes are written only WHERE claimed_by is still the sender's own token, so a sender that lost its
-- lease cannot overwrite the new owner's result. The same DDL on SQLite and PostgreSQL.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
-- Rows an older version left in flight (its own start-up put them back in the queue) come back at the first claim:
-- a lease that ended when they were queued.
UPDATE outbox SET lease_until = created_at WHERE status = 'sending';
