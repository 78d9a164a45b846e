namespace Granary.AdoNet.Storage;

/// <summary>
/// The statements of the grain storage; parameters $1..$4 are always the key (service id, grain type, grain key,
/// state name). Each write is one round trip that both checks the version and reports what is stored when the
/// check fails, including whether the stored version is this write's own earlier attempt (same write token).
/// </summary>
internal static class GrainStateSql
{
    private const string Key = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    public const string Read = "SELECT version, payload FROM granary_grain_state WHERE " + Key;

    /// <summary>$5 payload, $6 json, $7 token. Rows: (version, succeeded).</summary>
    public const string Insert =
        "WITH ins AS (" +
        " INSERT INTO granary_grain_state (service_id, grain_type, grain_key, state_name, version, payload, payload_json, write_token)" +
        " VALUES ($1, $2, $3, $4, nextval('granary_grain_state_version_seq'), $5, $6, $7)" +
        " ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING RETURNING version)" +
        " SELECT version, true FROM ins" +
        " UNION ALL SELECT s.version, s.write_token = $7 FROM granary_grain_state s WHERE " + Key + " AND NOT EXISTS (SELECT 1 FROM ins)";

    /// <summary>$5 payload, $6 json, $7 token, $8 expected version. Rows: (version, succeeded).</summary>
    public const string Update =
        "WITH upd AS (" +
        " UPDATE granary_grain_state SET version = nextval('granary_grain_state_version_seq'), payload = $5, payload_json = $6, write_token = $7, modified_at = now()" +
        " WHERE " + Key + " AND version = $8 RETURNING version)" +
        " SELECT version, true FROM upd" +
        " UNION ALL SELECT s.version, s.write_token = $7 FROM granary_grain_state s WHERE " + Key + " AND NOT EXISTS (SELECT 1 FROM upd)";

    /// <summary>$5 expected version (null: nothing expected). Rows: (version, deleted); none when nothing is stored.</summary>
    public const string Delete =
        "WITH del AS (DELETE FROM granary_grain_state WHERE " + Key + " AND version = $5 RETURNING version)" +
        " SELECT version, true FROM del" +
        " UNION ALL SELECT s.version, false FROM granary_grain_state s WHERE " + Key + " AND NOT EXISTS (SELECT 1 FROM del)";
}
