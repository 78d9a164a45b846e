using Microsoft.Extensions.Configuration;

namespace Shop.Silo;

/// <summary>
/// Switches on Orleans' Kubernetes hosting by configuration, so one image runs in a pod and outside Kubernetes alike.
/// In a pod it reads POD_NAME, POD_NAMESPACE and POD_IP (downward API), labels the pod with the cluster's ids, and
/// declares silos dead whose pods are gone, which clears a crashed pod's membership row without waiting for it to age out.
/// </summary>
public static class ShopKubernetes
{
    /// <summary><c>true</c> inside Kubernetes; <c>false</c> (default) elsewhere.</summary>
    public const string EnabledSetting = "Shop:Kubernetes:Enabled";

    /// <summary>Adds Orleans' Kubernetes hosting when <see cref="EnabledSetting"/> is true, failing early and by name when no Kubernetes API is reachable.</summary>
    public static ISiloBuilder UseConfiguredKubernetesHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[EnabledSetting];
        if (string.IsNullOrWhiteSpace(configured)) return silo;
        if (!bool.TryParse(configured, out var enabled))
            throw new InvalidOperationException($"{EnabledSetting} must be 'true' or 'false' (got '{configured}').");
        if (!enabled) return silo;
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
        {
            throw new InvalidOperationException(
                $"{EnabledSetting}=true needs the Kubernetes API, but KUBERNETES_SERVICE_HOST is not set: run the silo in a pod, or set {EnabledSetting}=false.");
        }

        return silo.UseKubernetesHosting();
    }
}
