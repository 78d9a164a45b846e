using System.Runtime.InteropServices;

namespace Shop.Cluster.Testing;

/// <summary>POSIX signals: Process.Kill only sends SIGKILL, and the tests also need SIGTERM, SIGSTOP and SIGCONT.</summary>
public static partial class Signals
{
    public const int Kill = 9;
    public const int Term = 15;
    public const int Cont = 18;
    public const int Stop = 19;

    public static void Send(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
