using System.Runtime.CompilerServices;

namespace Granary.Serialization.Tests;

public sealed class ExceptionTests
{
    [Fact]
    public void A_known_exception_keeps_its_type_message_and_remote_stack()
    {
        var thrown = Thrown(() => new InvalidOperationException("the grain said no"));
        var copy = RoundTrip.Of<Exception>(thrown);
        Assert.IsType<InvalidOperationException>(copy);
        Assert.Equal("the grain said no", copy.Message);
        Assert.Contains(nameof(ThrowFrom), copy.StackTrace, StringComparison.Ordinal);
        Assert.Equal(thrown.HResult, copy.HResult);
    }

    [Fact]
    public void The_remote_stack_survives_a_rethrow_on_this_side()
    {
        var copy = RoundTrip.Of<Exception>(Thrown(() => new CustomFailureException("boom")));
        var rethrown = Assert.Throws<CustomFailureException>(new Action(() => throw copy));
        Assert.Contains(nameof(ThrowFrom), rethrown.StackTrace, StringComparison.Ordinal);
        Assert.Contains(nameof(The_remote_stack_survives_a_rethrow_on_this_side), rethrown.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Inner_exceptions_hresults_and_declared_subtypes_round_trip()
    {
        var outer = new CustomFailureException("outer", new ArgumentNullException("param", "inner message"));
        var copy = RoundTrip.Of(outer);
        var inner = Assert.IsType<ArgumentNullException>(copy.InnerException);
        Assert.Equal(outer.InnerException!.Message, inner.Message);
        var withHResult = new InvalidOperationException("custom hresult") { HResult = unchecked((int)0x80131509) + 7 };
        Assert.Equal(withHResult.HResult, RoundTrip.Of<Exception>(withHResult).HResult);
        Assert.Null(RoundTrip.Of<Exception?>(null));
    }

    [Fact]
    public void Messages_round_trip_for_generated_text()
    {
        RoundTrip.Check<string>(message => RoundTrip.Of<Exception>(new InvalidOperationException(message)).Message == new InvalidOperationException(message).Message);
    }

    [Fact]
    public void Exceptions_under_object_and_in_collections_keep_their_type()
    {
        Assert.IsType<TimeoutException>(RoundTrip.Of<object>(new TimeoutException("slow")));
        var list = RoundTrip.Of(new List<Exception> { new KeyNotFoundException("k"), new CustomFailureException("c") });
        Assert.IsType<KeyNotFoundException>(list[0]);
        Assert.IsType<CustomFailureException>(list[1]);
    }

    [Fact]
    public void An_unknown_type_on_the_wire_yields_a_faithful_stand_in()
    {
        var bytes = ExceptionBytes("Contoso.Billing.PaymentDeclinedException, Contoso.Billing", "card declined", "   at Contoso.Billing.Charge()");
        var copy = Assert.IsType<UnknownRemoteException>(Serializer.Deserialize<Exception>(bytes));
        Assert.Equal("Contoso.Billing.PaymentDeclinedException, Contoso.Billing", copy.OriginalTypeName);
        Assert.Equal("card declined", copy.Message);
        Assert.Equal("   at Contoso.Billing.Charge()", copy.RemoteStackTrace);
        Assert.Contains("Contoso.Billing.Charge", copy.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stand_in_forwarded_again_keeps_the_original_type_name()
    {
        var bytes = ExceptionBytes("Contoso.GoneException, Contoso", "gone", null);
        var forwarded = RoundTrip.Of<Exception>(Serializer.Deserialize<Exception>(bytes));
        Assert.Equal("Contoso.GoneException, Contoso", Assert.IsType<UnknownRemoteException>(forwarded).OriginalTypeName);
    }

    [Fact]
    public void A_type_that_cannot_be_rebuilt_or_is_not_an_exception_yields_a_stand_in()
    {
        var unbuildable = Assert.IsType<UnknownRemoteException>(RoundTrip.Of<Exception>(new UnconstructibleException(3)));
        Assert.Equal("code 3", unbuildable.Message);
        Assert.Contains(nameof(UnconstructibleException), unbuildable.OriginalTypeName, StringComparison.Ordinal);
        Assert.IsType<UnknownRemoteException>(Serializer.Deserialize<Exception>(ExceptionBytes("System.String, System.Private.CoreLib", "x", null)));
    }

    [Fact]
    public void A_specific_declared_type_falls_back_to_itself_when_the_wire_type_is_unknown()
    {
        var copy = Serializer.Deserialize<InvalidOperationException>(ExceptionBytes("Nowhere.Thing, Nowhere", "msg", null));
        Assert.Equal("msg", copy.Message);
    }

    private static byte[] ExceptionBytes(string typeName, string message, string? stackTrace)
    {
        using var writer = new GranaryWriter();
        writer.WriteStartObject(0);
        Codecs.Get<string>().WriteField(writer, 1, typeName);
        Codecs.Get<string>().WriteField(writer, 2, message);
        Codecs.Get<string>().WriteField(writer, 3, stackTrace!);
        writer.WriteNull(4);
        writer.WriteFieldHeader(5, WireType.VarInt);
        writer.WriteVarInt32(-2146233088);
        writer.WriteEndObject();
        return writer.ToArray();
    }

    private static Exception Thrown(Func<Exception> create)
    {
        try
        {
            ThrowFrom(create);
            throw new InvalidOperationException("unreachable");
        }
        catch (Exception caught) when (caught.Message != "unreachable")
        {
            return caught;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFrom(Func<Exception> create) => throw create();
}
