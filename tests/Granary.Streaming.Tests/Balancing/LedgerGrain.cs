using Granary.Runtime;
using Granary.Serialization;
using Granary.Streams;

namespace Granary.Streaming.Tests.Balancing;

public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>The items applied, in the order applied, and the repeats skipped, as persisted.</summary>
    Task<LedgerView> View();
}

[GenerateSerializer]
public sealed record LedgerView([property: Id(0)] int[] Applied, [property: Id(1)] int Duplicates);

[GenerateSerializer]
public sealed class LedgerState
{
    [Id(0)]
    public List<int> Applied { get; set; } = [];

    [Id(1)]
    public long LastSequence { get; set; } = -1;

    [Id(2)]
    public int LastIndex { get; set; } = -1;

    [Id(3)]
    public int Duplicates { get; set; }
}

/// <summary>
/// A subscriber whose effects must be exactly once: it persists each applied item together with the last
/// applied token and skips any event whose token is not newer, as the README tells subscribers to do.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> state, LedgerGate gate) : Grain, ILedgerGrain
{
    public const string Namespace = "ledger";
    public const string Provider = "ledger";

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.GetStreamProvider(Provider).GetStream<int>(Namespace, this.GetPrimaryKeyString()).SubscribeAsync(ApplyAsync, cancellationToken: cancellationToken);

    public Task<LedgerView> View() => Task.FromResult(new LedgerView([.. state.State.Applied], state.State.Duplicates));

    private async Task ApplyAsync(int item, StreamSequenceToken? token)
    {
        ArgumentNullException.ThrowIfNull(token);
        await gate.PassAsync(this.GetPrimaryKeyString(), item);
        var last = state.State;
        if (token.SequenceNumber < last.LastSequence || (token.SequenceNumber == last.LastSequence && token.EventIndex <= last.LastIndex))
        {
            last.Duplicates++;
        }
        else
        {
            last.Applied.Add(item);
            last.LastSequence = token.SequenceNumber;
            last.LastIndex = token.EventIndex;
        }

        await state.WriteStateAsync();
    }
}

/// <summary>Holds one delivery (one stream's item) until released, so a test can act while a batch is in hand.</summary>
public sealed class LedgerGate
{
    private string? _stream;
    private int _item;

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Arm(string stream, int item)
    {
        _item = item;
        Volatile.Write(ref _stream, stream);
    }

    public Task PassAsync(string stream, int item) =>
        Volatile.Read(ref _stream) == stream && item == _item && Held.TrySetResult() ? Released.Task : Task.CompletedTask;
}
