namespace MakerShop.Geometry.Tests.Properties;

/// <summary>
/// Runs one parse with a deadline proportional to the input's size (generous: a loaded CI machine, not a benchmark),
/// and lets only the documented refusal through: a hang or any other exception fails the property.
/// </summary>
public static class Bounded
{
    public static TimeSpan BudgetFor(int bytes) => TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(bytes / 100.0);

    /// <returns>The result, or default when the input was refused with <typeparamref name="TRefusal"/>.</returns>
    public static T? Run<T, TRefusal>(byte[] input, Func<byte[], T> parse)
        where TRefusal : Exception
    {
        ArgumentNullException.ThrowIfNull(input);
        var task = Task.Run(() =>
        {
            try
            {
                return (Value: parse(input), Refused: (Exception?)null);
            }
            catch (TRefusal ex)
            {
                return (Value: default(T), Refused: (Exception?)ex);
            }
        });
        var budget = BudgetFor(input.Length);
        bool finished;
        try
        {
            finished = task.Wait(budget);
        }
        catch (AggregateException ex)
        {
            // Anything but the refusal fails the property; the input is kept to be checked in under Regressions/.
            throw new InvalidOperationException($"{ex.InnerException?.GetType().Name}: {ex.InnerException?.Message} (input saved as {Keep(input)})", ex.InnerException);
        }

        if (!finished)
        {
            throw new TimeoutException($"Parsing {input.Length} bytes took longer than {budget.TotalSeconds:F1} s (input saved as {Keep(input)}).");
        }

        var (value, refused) = task.Result;
        if (refused is not null && string.IsNullOrWhiteSpace(refused.Message))
        {
            throw new InvalidOperationException("A refusal must say what is wrong.", refused);
        }

        return value;
    }

    /// <summary>Saves a failing input under TEST_RESULTS_DIR (or the temp folder), named by its hash.</summary>
    private static string Keep(byte[] input)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") ?? Path.GetTempPath(), "makershop-property-findings");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16] + ".bin");
        File.WriteAllBytes(path, input);
        return path;
    }
}
