Console.WriteLine("Benchmarks are being written.");
