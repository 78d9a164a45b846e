using Granary.Runtime;
using Granary.Streams;

namespace Granary.Streaming.Consumers;

/// <summary>A subscription of the grain <see cref="Grain"/>; resuming attaches the observer to that activation.</summary>
internal sealed class SubscriptionHandle<T>(StreamSubscriptions subscriptions, StreamId streamId, Guid handleId, IGrainContext grain, bool isImplicit)
    : StreamSubscriptionHandle<T>
{
    public override StreamId StreamId => streamId;

    public override string ProviderName => subscriptions.ProviderName;

    public override Guid HandleId => handleId;

    public IGrainContext Grain => grain;

    public bool IsImplicit => isImplicit;

    public override Task UnsubscribeAsync(CancellationToken cancellationToken = default) => subscriptions.UnsubscribeAsync(this, cancellationToken);

    public override Task<StreamSubscriptionHandle<T>> ResumeAsync(
        IAsyncObserver<T> observer, StreamSequenceToken? token = null, CancellationToken cancellationToken = default) =>
        subscriptions.ResumeAsync(this, observer, token, cancellationToken);
}
