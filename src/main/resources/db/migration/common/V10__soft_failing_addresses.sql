-- The addresses in the middle of a run of soft bounces: few at any time (a delivery or a hard
-- bounce ends the run). A delivery report resets the count of those among its run's addresses
-- (persistence.DeliveryRun); this index lets that update start from the few failing addresses
-- instead of looking up every delivered address of an events import.
CREATE INDEX IF NOT EXISTS email_address_soft_failing ON email_address (id) WHERE soft_failures > 0;
