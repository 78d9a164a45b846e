extern alias ShopApi;

using System.Reflection;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using ShopApi::Shop.Api.Hosting;

namespace Shop.Api.Tests;

/// <summary>Which failed grain calls the external client retries: only those that never ran, because their silo was gone.</summary>
public sealed class SiloFailoverTests
{
    public static TheoryData<Exception> NeverRan => new()
    {
        new SiloUnavailableException("The target silo became unavailable for message: Request ..."),
        new ConnectionFailedException("Unable to connect to endpoint S127.0.0.2:11111:155388403."),
        Rejection("Silo stopping"),
        Rejection("Target silo S127.0.0.2:11111:155388403 is known to be dead"),
        // What a gateway answers when it cannot reach the silo of the target grain (seen after a SIGKILL).
        Rejection(
            "Exception while sending message: Orleans.Runtime.Messaging.ConnectionFailedException: Unable to connect to endpoint S127.0.0.2:11111:155388403. See InnerException"),
    };

    public static TheoryData<Exception> MayHaveRun => new()
    {
        new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request ..."),
        new InvalidOperationException("A grain's own failure."),
        Rejection("Forwarding failed: tried to forward message Request ... for 2 times after Non-existent activation."),
    };

    /// <summary>A rejection as the runtime makes it (its constructors are internal to Orleans).</summary>
    private static OrleansMessageRejectionException Rejection(string message) =>
        (OrleansMessageRejectionException)Activator.CreateInstance(
            typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic, null, [message], null)!;

    [Theory]
    [MemberData(nameof(NeverRan))]
    public void A_call_rejected_because_its_silo_is_gone_is_retried(Exception failure) =>
        Assert.True(SiloFailoverCallFilter.IsSiloGone(failure), failure.Message);

    [Theory]
    [MemberData(nameof(MayHaveRun))]
    public void A_call_that_may_have_run_is_not_retried(Exception failure) =>
        Assert.False(SiloFailoverCallFilter.IsSiloGone(failure), failure.Message);
}
