-- Security presence linked to a cooperative, looked up by the cooperative: the contested-zone
-- analysis asks it for each zone's claimants (issue 12), which without an index reads every
-- presence record for every zone.
CREATE INDEX security_presence_linked_cooperative ON security_presence (linked_cooperative_id) WHERE linked_cooperative_id IS NOT NULL;
