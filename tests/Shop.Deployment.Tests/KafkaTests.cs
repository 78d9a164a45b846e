using System.Text;
using System.Text.Json.Nodes;
using Orleans.Streaming.Kafka;
using Shop.Events;

namespace Shop.Deployment.Tests;

/// <summary>
/// Every overlay's silos publish domain events to Kafka and learn its brokers from a Secret, as they learn PostgreSQL's;
/// dev's Secret names the in-cluster stand-in, which must advertise the very name its Service has.
/// </summary>
public sealed class KafkaTests
{
    private static readonly string BootstrapVariable =
        KubernetesHostingTests.EnvironmentName(KafkaStreamOptions.SectionName(ShopStreams.Provider) + ":BootstrapServers");

    public static TheoryData<string> Overlays => [.. RenderedOverlay.Names];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_overlays_silos_use_kafka_streams_with_brokers_from_a_secret(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        Assert.Equal("Kafka", rendered.Setting("Shop__Streams__Provider"));
        var reference = SecretKeyRef(rendered, BootstrapVariable);
        Assert.StartsWith("shop-kafka", (string?)reference["name"], StringComparison.Ordinal);
        Assert.Equal("bootstrap-servers", (string?)reference["key"]);
        Assert.NotEqual("true", (string?)reference["optional"]);
    }

    [Fact]
    public async Task Dev_points_the_silos_at_the_in_cluster_stand_in_which_advertises_its_services_name()
    {
        var rendered = await RenderedOverlay.RenderAsync("dev");
        var reference = SecretKeyRef(rendered, BootstrapVariable);
        var secret = rendered.Single("Secret", (string)reference["name"]!);
        var bootstrap = Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]![(string)reference["key"]!]!));

        var separator = bootstrap.LastIndexOf(':');
        var (host, port) = (bootstrap[..separator], bootstrap[(separator + 1)..]);
        var service = rendered.Single("Service", host);
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => (string?)p!["port"] == port);
        var mock = KubernetesHostingTests.Container(rendered, "kafka-mock", "kafka-mock");
        var arguments = mock["args"]!.AsArray().Select(a => (string)a!).ToList();
        // Clients reconnect to the advertised address: anything but the Service's name is unreachable for the silos.
        Assert.Equal(host, arguments[arguments.IndexOf("--advertise") + 1]);
        Assert.Equal("1", (string?)rendered.Single("Deployment", "kafka-mock")["spec"]!["replicas"]);
        Assert.Equal((string?)service["spec"]!["selector"]!["app.kubernetes.io/name"],
            (string?)rendered.Single("Deployment", "kafka-mock")["spec"]!["template"]!["metadata"]!["labels"]!["app.kubernetes.io/name"]);
    }

    [Fact]
    public async Task Prod_reads_kafka_and_its_optional_sasl_settings_from_the_secret_it_does_not_create()
    {
        var rendered = await RenderedOverlay.RenderAsync("prod");

        Assert.Equal("shop-kafka", (string?)SecretKeyRef(rendered, BootstrapVariable)["name"]);
        Assert.Empty(rendered.OfKind("Secret"));
        Assert.DoesNotContain(rendered.OfKind("Deployment"), d => (string?)d["metadata"]!["name"] == "kafka-mock");
        var properties = KubernetesHostingTests.EnvironmentName(KafkaStreamOptions.SectionName(ShopStreams.Provider) + ":Properties:");
        foreach (var property in new[] { "security.protocol", "sasl.mechanism", "sasl.username", "sasl.password" })
        {
            var reference = SecretKeyRef(rendered, properties + property);
            Assert.Equal("shop-kafka", (string?)reference["name"]);
            Assert.Equal("true", (string?)reference["optional"]);
        }
    }

    private static JsonNode SecretKeyRef(RenderedOverlay rendered, string variable)
    {
        var environment = KubernetesHostingTests.Container(rendered, "shop-silo", "silo")["env"]!.AsArray();
        var entry = Assert.Single(environment, e => (string?)e!["name"] == variable);
        return entry!["valueFrom"]?["secretKeyRef"] ?? throw new InvalidOperationException($"{variable} is not read from a Secret.");
    }
}
