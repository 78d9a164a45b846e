using Shop.Compose.Tests.Harness;

namespace Shop.Compose.Tests;

/// <summary>The rendered Kubernetes silo Deployment runs under <c>podman kube play</c> and joins a cluster of its own on the compose stack's PostgreSQL.</summary>
[Collection(ComposeCollection.Name)]
public sealed class KubePlayTests(ComposeFixture fixture, ITestOutputHelper output)
{
    private const string ClusterId = "shop-kube";

    [ComposeFact]
    public async Task Podman_kube_play_runs_the_dev_overlays_silo_deployment_under_the_pods_name()
    {
        var stack = fixture.Stack;
        var rendered = await Command.RunAsync("kubectl", ["kustomize", "k8s/overlays/dev"], TimeSpan.FromMinutes(2));
        var manifest = KubePlayManifest.SiloDeployment(rendered, ComposeStack.SiloImage, ClusterId,
            "Host=postgres;Port=5432;Username=shop;Password=shop-compose;Database=shop");
        var file = Path.Combine(Path.GetTempPath(), $"shop-kube-play-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, manifest);
        try
        {
            var played = await Command.RunAsync("podman", ["kube", "play", "--network", stack.Network, file], TimeSpan.FromMinutes(3));
            output.WriteLine(played);
            var pod = (await Command.RunAsync("podman", ["pod", "ps", "--filter", "name=shop-silo-pod", "--format", "{{.Name}}"], TimeSpan.FromMinutes(1))).Trim();
            Assert.False(string.IsNullOrEmpty(pod), "podman kube play made no shop-silo pod");

            var deadline = DateTime.UtcNow.AddMinutes(3);
            string row;
            while ((row = (await stack.SqlAsync($"SELECT host_name FROM orleans_membership WHERE deployment_id = '{ClusterId}' AND status = 3")).Trim()).Length == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    var logs = await Command.TryRunAsync("podman", ["logs", "--tail", "40", $"{pod}-silo"], TimeSpan.FromMinutes(1));
                    Assert.Fail($"The kube-played silo did not become active:\n{logs.Output}\n{logs.Errors}");
                }

                await Task.Delay(500);
            }

            var podName = (await Command.RunAsync("podman", ["exec", $"{pod}-silo", "printenv", "POD_NAME"], TimeSpan.FromMinutes(1))).Trim();
            output.WriteLine($"pod {pod}, POD_NAME {podName}, membership host_name {row}");
            Assert.Equal(pod, podName);
            Assert.Equal(pod, row);
        }
        finally
        {
            await Command.TryRunAsync("podman", ["kube", "down", file], TimeSpan.FromMinutes(2));
            File.Delete(file);
        }
    }
}
