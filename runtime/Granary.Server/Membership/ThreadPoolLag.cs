using System.Diagnostics;

namespace Granary.Membership;

/// <summary>
/// How late work queued to this process's thread pool starts, sampled from a thread of its own every 100 ms. A
/// silo whose pool lags by seconds hears answers late too, so its timed-out probes say more about it than about
/// the silo it probed.
/// </summary>
internal sealed class ThreadPoolLag : IDisposable
{
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _window;
    private readonly ManualResetEventSlim _ran = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly (long At, long Ticks)[] _samples = new (long, long)[64];
    private int _next;
    private long _pendingSince;

    /// <param name="window">How far back a lagging sample still counts.</param>
    public ThreadPoolLag(TimeSpan window)
    {
        _window = window;
        new Thread(Sample) { IsBackground = true, Name = "Granary thread pool lag" }.Start();
    }

    /// <summary>The largest lag seen within the window, or the age of a sample still waiting for a pool thread.</summary>
    public TimeSpan Current
    {
        get
        {
            var now = Stopwatch.GetTimestamp();
            var pending = Volatile.Read(ref _pendingSince);
            var worst = pending == 0 ? 0 : now - pending;
            lock (_samples)
            {
                foreach (var (at, ticks) in _samples)
                {
                    if (at != 0 && Stopwatch.GetElapsedTime(at, now) <= _window) worst = Math.Max(worst, ticks);
                }
            }

            return Stopwatch.GetElapsedTime(0, worst);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _ran.Set();
    }

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            var queued = Stopwatch.GetTimestamp();
            Volatile.Write(ref _pendingSince, queued);
            // The global queue, where grain turns and connection loops wait too.
            ThreadPool.UnsafeQueueUserWorkItem(static ran => ran.Set(), _ran, preferLocal: false);
            _ran.Wait();
            _ran.Reset();
            var ran = Stopwatch.GetTimestamp();
            lock (_samples)
            {
                _samples[_next] = (ran, ran - queued);
                _next = (_next + 1) % _samples.Length;
            }

            Volatile.Write(ref _pendingSince, 0);
            _stop.Token.WaitHandle.WaitOne(SamplePeriod);
        }
    }
}
