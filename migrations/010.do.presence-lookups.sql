-- Security presence looked up by what it names rather than where it stands (issue 12): the
-- contested-zone analysis asks for the presence linked to each zone's claimants, the site
-- flags for the presence that names each site. Without these, each question read every
-- presence record: 3 500 sites × 10 000 records took 5–8 s on the server.
CREATE INDEX security_presence_linked_cooperative ON security_presence (linked_cooperative_id) WHERE linked_cooperative_id IS NOT NULL;
CREATE INDEX security_presence_site ON security_presence (site_id) WHERE site_id IS NOT NULL;
