using Granary.Metadata;
using Granary.Reminders;
using Granary.Runtime;

[assembly: GranaryMetadataProvider(typeof(RemindableMetadata))]

namespace Granary.Reminders;

/// <summary>
/// Registers the hand-written proxy, invokable and codecs of <see cref="IRemindable"/>. The code generator skips
/// interfaces of the Granary namespace, so the runtime supplies these itself.
/// </summary>
internal sealed class RemindableMetadata : IGranaryMetadataProvider
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        GranaryMetadata.EnsureLoaded(typeof(RemindableMetadata).Assembly);
        return true;
    });

    /// <summary>Makes <see cref="IRemindable"/> callable; idempotent.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public void Populate(GranaryMetadataBuilder builder)
    {
        builder.AddCodec(new TickStatusCodec());
        builder.AddCodec(new ReceiveReminderInvokableCodec());
        builder.AddProxy<IRemindable>(static (id, runtime) => new RemindableProxy(id, runtime));
    }
}
