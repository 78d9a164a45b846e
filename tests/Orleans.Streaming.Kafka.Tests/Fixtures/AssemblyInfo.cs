// Collections share two cores and one machine's ports: one at a time keeps timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
