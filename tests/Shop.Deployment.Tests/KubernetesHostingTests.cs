using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;
using Shop.Silo;

namespace Shop.Deployment.Tests;

/// <summary>What Orleans' Kubernetes hosting reads and needs, checked against every rendered overlay.</summary>
public sealed class KubernetesHostingTests
{
    public static TheoryData<string> Overlays => [.. RenderedOverlay.Names];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silos_role_grants_exactly_the_pod_verbs_kubernetes_hosting_uses(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        var rule = Assert.Single(rendered.Single("Role", "shop-silo")["rules"]!.AsArray());

        Assert.Equal([""], Strings(rule!["apiGroups"]));
        Assert.Equal(["pods"], Strings(rule["resources"]));
        // get its own pod, patch its labels, list and watch the cluster's pods; delete only with DeleteDefunctSiloPods, which is off.
        Assert.Equal(["get", "list", "patch", "watch"], Strings(rule["verbs"]).Order(StringComparer.Ordinal));
        var binding = rendered.Single("RoleBinding", "shop-silo");
        Assert.Equal("shop-silo", (string?)binding["roleRef"]!["name"]);
        Assert.Equal("shop-silo", (string?)Assert.Single(binding["subjects"]!.AsArray())!["name"]);
        Assert.Equal("shop-silo", (string?)PodSpec(rendered, "shop-silo")["serviceAccountName"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Silo_pods_carry_the_labels_kubernetes_hosting_selects_the_cluster_by(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        var labels = rendered.Single("Deployment", "shop-silo")["spec"]!["template"]!["metadata"]!["labels"]!;

        Assert.Equal(rendered.Setting("Orleans__ServiceId"), (string?)labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(rendered.Setting("Orleans__ClusterId"), (string?)labels[KubernetesHostingOptions.ClusterIdLabel]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Silo_pods_learn_their_name_namespace_and_address_from_the_downward_api(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var environment = Container(rendered, "shop-silo", "silo")["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);

        Assert.Equal("metadata.name", FieldRef(environment[KubernetesHostingOptions.PodNameEnvironmentVariable]));
        Assert.Equal("metadata.namespace", FieldRef(environment[KubernetesHostingOptions.PodNamespaceEnvironmentVariable]));
        Assert.Equal("status.podIP", FieldRef(environment[KubernetesHostingOptions.PodIPEnvironmentVariable]));
        Assert.Equal("true", (string?)environment[EnvironmentName(ShopKubernetes.EnabledSetting)]["value"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task A_stopping_silo_gets_longer_than_its_shutdown_timeout_before_it_is_killed(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SiloShutdown.TimeoutSetting] = rendered.Setting(EnvironmentName(SiloShutdown.TimeoutSetting)),
        }).Build();

        var grace = TimeSpan.FromSeconds(int.Parse((string)PodSpec(rendered, "shop-silo")["terminationGracePeriodSeconds"]!, CultureInfo.InvariantCulture));

        Assert.True(grace > SiloShutdown.ReadTimeout(configuration), $"grace period {grace} is not longer than the shutdown timeout");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Scaling_and_disruptions_take_silos_one_at_a_time_and_rollouts_add_before_they_remove(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        foreach (var deployment in new[] { "shop-silo", "shop-api" })
        {
            var rollingUpdate = rendered.Single("Deployment", deployment)["spec"]!["strategy"]!["rollingUpdate"]!;
            Assert.Equal("0", (string?)rollingUpdate["maxUnavailable"]);
        }

        var budget = rendered.Single("PodDisruptionBudget", "shop-silo")["spec"]!;
        Assert.Equal("1", (string?)budget["maxUnavailable"]);
        Assert.Equal("shop-silo", (string?)budget["selector"]!["matchLabels"]!["app.kubernetes.io/name"]);
        var autoscaler = rendered.Single("HorizontalPodAutoscaler", "shop-silo")["spec"]!;
        Assert.Equal("shop-silo", (string?)autoscaler["scaleTargetRef"]!["name"]);
        Assert.True(int.Parse((string)autoscaler["minReplicas"]!, CultureInfo.InvariantCulture) >= 2, "one silo is no cluster to fail over in");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_of_ours_runs_as_a_non_root_user_on_a_read_only_root_with_resource_requests(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        // Ours: every Deployment but the development PostgreSQL, which runs the official image as it is.
        var ours = rendered.OfKind("Deployment").Select(d => (string)d["metadata"]!["name"]!).Where(name => name != "shop-postgres").ToList();
        Assert.Contains("shop-silo", ours);

        foreach (var deployment in ours)
        {
            Assert.Equal("true", (string?)PodSpec(rendered, deployment)["securityContext"]!["runAsNonRoot"]);
            var spec = PodSpec(rendered, deployment);
            var containers = spec["containers"]!.AsArray().Concat(spec["initContainers"]?.AsArray() ?? []);
            foreach (var container in containers)
            {
                Assert.Equal("true", (string?)container!["securityContext"]!["readOnlyRootFilesystem"]);
                Assert.Equal("false", (string?)container["securityContext"]!["allowPrivilegeEscalation"]);
            }

            var main = spec["containers"]!.AsArray()[0]!;
            Assert.NotNull(main["resources"]!["requests"]!["cpu"]);
            Assert.NotNull(main["resources"]!["requests"]!["memory"]);
        }
    }

    internal static JsonNode PodSpec(RenderedOverlay rendered, string deployment) =>
        rendered.Single("Deployment", deployment)["spec"]!["template"]!["spec"]!;

    internal static JsonNode Container(RenderedOverlay rendered, string deployment, string container) =>
        Assert.Single(PodSpec(rendered, deployment)["containers"]!.AsArray(), c => (string?)c!["name"] == container)!;

    /// <summary>How .NET configuration's "Shop:Silo:ShutdownTimeout" is written as an environment variable.</summary>
    internal static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    private static string? FieldRef(JsonNode variable) => (string?)variable["valueFrom"]?["fieldRef"]?["fieldPath"];

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(item => (string)item!);
}
