-- A secret of this installation (issue 16). Partners and the public see incidents under ids
-- that are keyed hashes of the database id: they neither follow the order records were
-- entered in nor can be enumerated, and they stay the same across pages, paths and restarts.
CREATE TABLE sharing_secret (
  singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT one_secret CHECK (singleton),
  secret    text NOT NULL
);
INSERT INTO sharing_secret (secret) VALUES (md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text));
