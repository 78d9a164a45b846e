using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Contracts;

/// <summary>A silo that stops gracefully marks its own row Dead through the provider; the other stays Active.</summary>
public sealed class GracefulShutdownTests
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task A_gracefully_stopped_silo_is_marked_dead()
    {
        await using var schema = await TestSchema.MigratedAsync("shutdown");
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var serviceId = $"service-{Guid.NewGuid():N}";
        using var first = await TestSilo.StartAsync(schema.ConnectionString, clusterId, serviceId);
        using var second = await TestSilo.StartAsync(schema.ConnectionString, clusterId, serviceId);
        await Eventually.MatchAsync(() => CountAsync(schema, clusterId, Active), n => n == 2, "both silos Active");
        var versionBefore = await schema.ScalarAsync<int>(
            "SELECT version FROM orleans_membership_version WHERE deployment_id = @id", ("id", clusterId));

        await second.StopAsync();

        await Eventually.MatchAsync(() => CountAsync(schema, clusterId, Dead), n => n == 1, "the stopped silo's row Dead");
        Assert.Equal(1L, await CountAsync(schema, clusterId, Active));
        var versionAfter = await schema.ScalarAsync<int>(
            "SELECT version FROM orleans_membership_version WHERE deployment_id = @id", ("id", clusterId));
        Assert.True(versionAfter > versionBefore, $"version {versionAfter} should have moved past {versionBefore}");
        await first.StopAsync();
    }

    private static Task<long> CountAsync(TestSchema schema, string clusterId, int status) =>
        schema.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @id AND status = @status",
            ("id", clusterId), ("status", status));
}
