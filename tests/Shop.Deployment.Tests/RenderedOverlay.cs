using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Shop.Deployment.Tests;

/// <summary>An overlay under k8s/overlays as <c>kubectl kustomize</c> renders it: its YAML and its resources as JSON.</summary>
internal sealed class RenderedOverlay
{
    private RenderedOverlay(string yaml, IReadOnlyList<JsonObject> resources) => (Yaml, Resources) = (yaml, resources);

    public static string[] Names { get; } = ["dev", "prod"];

    public string Yaml { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    public static async Task<RenderedOverlay> RenderAsync(string name)
    {
        var yaml = await Tool.RunAsync("kubectl", ["kustomize", Path.Combine("k8s", "overlays", name)]);
        return new RenderedOverlay(yaml, Parse(yaml));
    }

    public JsonObject Single(string kind, string name) =>
        Assert.Single(Resources, r => (string?)r["kind"] == kind && (string?)r["metadata"]?["name"] == name);

    public IEnumerable<JsonObject> OfKind(string kind) => Resources.Where(r => (string?)r["kind"] == kind);

    /// <summary>The value of <paramref name="key"/> in the shared ConfigMap (its name carries no hash: it is not generated).</summary>
    public string Setting(string key) => (string?)Single("ConfigMap", "shop-config")["data"]?[key]
        ?? throw new InvalidOperationException($"shop-config has no {key}.");

    private static List<JsonObject> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var resources = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object>(parser);
            if (document is not null) resources.Add(JsonSerializer.SerializeToNode(document)!.AsObject());
        }

        return resources;
    }
}
