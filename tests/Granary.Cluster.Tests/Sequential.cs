// Every test here starts a cluster of processes; two at once on 2 cores would measure the machine, not the protocol,
// and the soak test's saturating load would slow the others' failovers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
