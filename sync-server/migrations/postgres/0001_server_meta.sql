-- Facts about this database itself; the health check reads `schema` to confirm it is a Klava database.
CREATE TABLE server_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO server_meta (key, value) VALUES ('schema', 'klava');
