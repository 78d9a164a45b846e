-- ASP.NET Core Data Protection keys (the key manager's XML elements), shared by every web host of one database: the
-- silos' admin ports and the API replicas. A dashboard login cookie protected by one host is then read by all of
-- them, and survives their restarts. The key manager only adds elements (a revocation is an element too), so rows are
-- inserted once and never updated; expired keys stay, as they do in its file-system repository.

CREATE TABLE shop_data_protection_key
(
    friendly_name text        PRIMARY KEY,
    xml           text        NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);
