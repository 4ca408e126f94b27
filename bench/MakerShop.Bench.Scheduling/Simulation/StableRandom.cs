namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>
/// Uniform numbers keyed by what they are for (a job attempt, a printer's n-th outage), so both policies meet the same
/// failures and outages whatever order they do things in. FNV-1a over the key and the seed; string.GetHashCode would
/// change from run to run.
/// </summary>
internal static class StableRandom
{
    public static double Uniform(int seed, string key, int salt = 0)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, (ulong)(uint)seed);
        hash = Mix(hash, (ulong)(uint)salt);
        foreach (var c in key)
        {
            hash = Mix(hash, c);
        }

        // Final avalanche (splitmix64), then 53 bits into [0, 1).
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    public static double Between(int seed, string key, double min, double max, int salt = 0) => min + ((max - min) * Uniform(seed, key, salt));

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * 1099511628211UL;
}
