namespace ClientListSeeder;

/// <summary>The sign-ins the benchmark script uses; run-client-list.sh repeats these values.</summary>
internal static class BenchmarkAccounts
{
    public const string AdminEmail = "admin@bench.local";
    public const string Password = "Bench-Pass-2027!";
}
