using YamlDotNet.Serialization;

namespace Shop.Compose.Tests.Harness;

/// <summary>
/// The silo Deployment of the rendered dev overlay, adapted for <c>podman kube play</c>, which has no Kubernetes API:
/// local image, Orleans' Kubernetes hosting off, memory streams instead of Kafka, ConfigMap and PostgreSQL Secret
/// values inlined (as the API server would), the pod's own address from /etc/hosts instead of status.podIP, no HTTP
/// probes, no service account. POD_NAME still comes from the downward API (metadata.name).
/// The migrate init container is left out: podman 4.3's kube play removes a finished init container before its own
/// state shows it stopped and fails the pod ("cannot remove container ... as it is running"); the compose stack's
/// migrator has applied the schema, and the silo migrates at start anyway.
/// </summary>
internal static class KubePlayManifest
{
    public static string SiloDeployment(string renderedOverlay, string image, string clusterId, string connectionString)
    {
        var documents = renderedOverlay.Split("\n---\n").Select(text => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(text)).ToList();
        var config = documents.Single(d => Kind(d) == "ConfigMap" && Name(d).StartsWith("shop-config", StringComparison.Ordinal));
        var deployment = documents.Single(d => Kind(d) == "Deployment" && Name(d) == "shop-silo");

        var spec = Map(deployment["spec"]);
        spec["replicas"] = 1;
        var template = Map(spec["template"]);
        Map(Map(template["metadata"])["labels"])["orleans/clusterId"] = clusterId;
        var pod = Map(template["spec"]);
        pod.Remove("serviceAccountName");
        pod.Remove("initContainers");

        var settings = Map(config["data"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);
        settings["Orleans__ClusterId"] = clusterId;
        // Memory streams: on Kafka this second cluster would join the compose silos' consumer group on the same topics.
        settings["Shop__Streams__Provider"] = "Memory";
        foreach (var container in List(pod, "containers").Select(Map))
        {
            container["image"] = image;
            container.Remove("envFrom");
            container.Remove("startupProbe");
            container.Remove("readinessProbe");
            container.Remove("livenessProbe");
            var env = settings.Select(s => (object)new Dictionary<object, object> { ["name"] = s.Key, ["value"] = s.Value }).ToList();
            foreach (var entry in List(container, "env").Select(Map))
            {
                var name = (string)entry["name"];
                if (entry.TryGetValue("valueFrom", out var from) && Map(from).TryGetValue("secretKeyRef", out var secret))
                {
                    if (((string)Map(secret)["name"]).StartsWith("shop-postgres", StringComparison.Ordinal))
                        env.Add(new Dictionary<object, object> { ["name"] = name, ["value"] = connectionString });
                }
                else if (entry.TryGetValue("valueFrom", out from) && (string)Map(Map(from)["fieldRef"])["fieldPath"] == "metadata.name")
                    env.Add(entry);
                else if (name == "Shop__Kubernetes__Enabled")
                    env.Add(new Dictionary<object, object> { ["name"] = name, ["value"] = "false" });
                else if (!entry.ContainsKey("valueFrom"))
                    env.Add(entry);
            }

            container["env"] = env;
            if ((string)container["name"] == "silo")
            {
                container["command"] = new List<object>
                {
                    "/bin/sh", "-c",
                    "ip=$(getent hosts \"$(cat /etc/hostname)\") && export Orleans__Endpoints__AdvertisedIPAddress=\"${ip%% *}\" && exec /app/Shop.Silo",
                };
            }
        }

        return new SerializerBuilder().Build().Serialize(deployment);
    }

    private static string Kind(Dictionary<object, object> document) => (string)document["kind"];

    private static string Name(Dictionary<object, object> document) => (string)Map(document["metadata"])["name"];

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static List<object> List(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var node) && node is List<object> list ? list : [];
}
