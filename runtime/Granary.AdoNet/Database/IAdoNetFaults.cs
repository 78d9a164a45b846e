namespace Granary.AdoNet.Database;

/// <summary>
/// Fault injection for tests: called around every attempt of every database operation, so a test can fail an
/// attempt before it runs or after it committed (an unknown outcome). Not registered in production.
/// </summary>
internal interface IAdoNetFaults
{
    /// <summary>Before the attempt's command runs; throwing fails the attempt.</summary>
    ValueTask BeforeAttemptAsync(string operation, int attempt);

    /// <summary>After the attempt's command completed; throwing loses its result, as a dropped connection would.</summary>
    ValueTask AfterAttemptAsync(string operation, int attempt);
}
