namespace Shop.Dashboard.Benchmarks;

/// <summary>How the dashboard is set up in one measured shop.</summary>
public enum DashboardVariant
{
    /// <summary>Shop:Dashboard:Enabled=false: no dashboard on the silo.</summary>
    Off,

    /// <summary>The default: the dashboard on the silo and mapped, nobody looking at it.</summary>
    Idle,

    /// <summary>The dashboard with its grain-method profiler always on and its overview polled, as while an operator watches it.</summary>
    Profiling,
}
