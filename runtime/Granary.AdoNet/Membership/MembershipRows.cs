using Granary.Membership;
using Granary.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Granary.AdoNet.Membership;

/// <summary>How a membership row maps to columns: parameters $2-$13 of a write, and columns 2-13 of a read.</summary>
internal static class MembershipRows
{
    public static void BindKey(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = silo.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = silo.Port });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = silo.Generation });
    }

    /// <summary>Binds $2-$13: key, status, votes, times, names, gateway flag and the row's new ETag.</summary>
    public static void Bind(NpgsqlCommand command, MembershipEntry entry, string etag)
    {
        BindKey(command, entry.Silo);
        command.Parameters.Add(new NpgsqlParameter<short> { NpgsqlDbType = NpgsqlDbType.Smallint, TypedValue = (short)entry.Status });
        command.Parameters.Add(new NpgsqlParameter<string[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
            TypedValue = [.. entry.Suspicions.Select(v => v.Suspecter.ToString())],
        });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            TypedValue = [.. entry.Suspicions.Select(v => v.Time.UtcDateTime)],
        });
        command.Parameters.Add(Time(entry.StartTime));
        command.Parameters.Add(Time(entry.IAmAliveTime));
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = entry.SiloName });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = entry.HostName });
        command.Parameters.Add(new NpgsqlParameter<bool> { NpgsqlDbType = NpgsqlDbType.Boolean, TypedValue = entry.IsGateway });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = etag });
    }

    public static MembershipRow Read(NpgsqlDataReader reader)
    {
        var suspecters = reader.GetFieldValue<string[]>(6);
        var times = reader.GetFieldValue<DateTime[]>(7);
        var entry = new MembershipEntry
        {
            Silo = new SiloAddress(reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4)),
            Status = (SiloStatus)reader.GetInt16(5),
            Suspicions = [.. suspecters.Zip(times, (silo, time) => new SuspicionVote(SiloAddress.Parse(silo), Utc(time)))],
            StartTime = Utc(reader.GetDateTime(8)),
            IAmAliveTime = Utc(reader.GetDateTime(9)),
            SiloName = reader.GetString(10),
            HostName = reader.GetString(11),
            IsGateway = reader.GetBoolean(12),
        };
        return new MembershipRow(entry, reader.GetString(13));
    }

    /// <summary>A timestamptz parameter; Npgsql takes UTC date-times for it.</summary>
    public static NpgsqlParameter<DateTime> Time(DateTimeOffset value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = value.UtcDateTime };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
