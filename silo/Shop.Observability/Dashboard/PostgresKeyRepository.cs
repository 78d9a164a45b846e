using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Shop.Observability.Dashboard;

/// <summary>
/// Keeps ASP.NET Core's Data Protection keys in the cluster's PostgreSQL (table <c>shop_data_protection_key</c>,
/// migration 0004), so every host that serves the dashboard signs and reads login cookies with the same key ring.
/// Written here because the framework's own repositories need a shared disk, Redis, Azure or Entity Framework.
/// </summary>
internal sealed class PostgresKeyRepository(string connectionString) : IXmlRepository
{
    // The key manager calls these synchronously, at start and when it creates a key (about every 90 days).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM shop_data_protection_key ORDER BY stored_at, friendly_name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO shop_data_protection_key (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
