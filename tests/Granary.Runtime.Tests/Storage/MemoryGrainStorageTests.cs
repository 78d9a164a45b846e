using Granary.Conformance.Storage;
using Granary.Storage;

namespace Granary.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageTests : GrainStorageConformance
{
    protected override IGrainStorage CreateStorage() => new MemoryGrainStorage();
}
