namespace Granary.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<string> Name();
}

/// <summary>Filters its own calls: appends a marker to string results.</summary>
public sealed class FilteredGrain : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<string> Name() => Task.FromResult("filtered");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.Result is string text) context.Result = text + "+grain-filter";
    }
}
