using Granary.Messaging;
using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>
/// The local activations of one [StatelessWorker] grain id: a message goes to an idle worker, else to a
/// new worker while under the limit, else to the least busy one.
/// </summary>
internal sealed class StatelessWorkerGroup(GrainId grainId, GrainClassInfo grainClass, GrainCatalog catalog)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    public void Deliver(Message message)
    {
        while (true)
        {
            var worker = Pick();
            if (worker.Receive(message)) return;
            Remove(worker);
        }
    }

    public void Broadcast(Message message)
    {
        ActivationData[] workers;
        lock (_lock) workers = [.. _workers];
        foreach (var worker in workers) worker.Receive(message);
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock) _workers.Remove(worker);
    }

    private ActivationData Pick()
    {
        lock (_lock)
        {
            ActivationData? leastBusy = null;
            var leastLoad = int.MaxValue;
            foreach (var worker in _workers)
            {
                var load = worker.Load;
                if (load == 0) return worker;
                if (load < leastLoad)
                {
                    leastLoad = load;
                    leastBusy = worker;
                }
            }

            if (_workers.Count < grainClass.MaxLocalWorkers || leastBusy is null)
            {
                var created = catalog.Create(grainId, grainClass);
                _workers.Add(created);
                return created;
            }

            return leastBusy;
        }
    }
}
