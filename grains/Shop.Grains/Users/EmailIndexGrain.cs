using Orleans;
using Orleans.Runtime;
using Shop.Infrastructure;

namespace Shop.Users;

/// <summary>The owner of one normalized email. The first claim wins, and is stored before it is answered.</summary>
[GrainType("email-index")]
internal sealed class EmailIndexGrain(
    [PersistentState("email", ShopStorage.Name)] IPersistentState<EmailIndexState> index) : Grain, IEmailIndexGrain
{
    public async Task<Guid> Claim(Guid userId)
    {
        if (index.State.OwnerId != Guid.Empty) return index.State.OwnerId;
        index.State.OwnerId = userId;
        await this.PersistAsync(index);
        return userId;
    }
}
