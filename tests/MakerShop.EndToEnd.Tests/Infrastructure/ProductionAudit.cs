using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>Checks, from the database and from what the virtual printers executed, that production went right.</summary>
public static class ProductionAudit
{
    /// <summary>Lines the bridge adds on its own (line-number reset, temperature polls and reports); everything else came from a job.</summary>
    private static readonly string[] HostCommands = ["M110", "M105", "M155", "M115", "M113"];

    public sealed record JobRun(string JobId, string PrinterId, string Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string GcodePath, int UnitIndex, string OrderId);

    public static async Task<IReadOnlyList<JobRun>> LoadJobsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "makershop.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, COALESCE(printer_id, ''), status, started_at, ended_at, gcode_path, unit_index, order_id FROM print_jobs ORDER BY started_at";
        var runs = new List<JobRun>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(new JobRun(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                reader.GetString(5), reader.GetInt32(6), reader.GetString(7)));
        }

        return runs;
    }

    /// <summary>No printer's completed jobs overlap in time, by the shop's own record.</summary>
    public static void AssertNoPrinterRanTwoJobsAtOnce(IReadOnlyList<JobRun> runs)
    {
        foreach (var printer in runs.Where(r => r.Status == "Completed").GroupBy(r => r.PrinterId))
        {
            var ordered = printer.OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].StartedAt >= ordered[i - 1].EndedAt,
                    $"Printer {printer.Key} started {ordered[i].JobId} at {ordered[i].StartedAt:O} before {ordered[i - 1].JobId} ended at {ordered[i - 1].EndedAt:O}.");
            }
        }
    }

    /// <summary>
    /// What the printer executed, cut into jobs at each line-number reset, equals the G-code of the jobs the shop says it
    /// completed there: complete, in order, each job exactly once.
    /// </summary>
    public static void AssertPrintersExecutedExactlyTheirJobs(IReadOnlyList<JobRun> runs, TestFleet fleet, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        foreach (var member in fleet.Members)
        {
            var printerId = member.PrinterId;
            var completed = runs.Where(r => r.PrinterId == printerId && r.Status == "Completed").OrderBy(r => r.StartedAt).ToList();
            var executedJobs = SplitIntoJobs(member.Printer.ExecutedCommands);
            Assert.Equal(completed.Count, executedJobs.Count);
            for (var i = 0; i < completed.Count; i++)
            {
                var expected = File.ReadLines(Path.Combine(dataDirectory, completed[i].GcodePath)).Select(Strip).Where(l => l.Length > 0).ToList();
                var actual = executedJobs[i];
                Assert.True(expected.Count == actual.Count, $"Job {completed[i].JobId} on {printerId}: expected {expected.Count} lines, the printer executed {actual.Count}.");
                for (var line = 0; line < expected.Count; line++)
                {
                    Assert.True(expected[line] == actual[line], $"Job {completed[i].JobId} on {printerId}, line {line + 1}: expected '{expected[line]}', executed '{actual[line]}'.");
                }
            }
        }
    }

    private static List<List<string>> SplitIntoJobs(IReadOnlyList<string> executed)
    {
        var jobs = new List<List<string>>();
        foreach (var command in executed)
        {
            if (command.StartsWith("M110", StringComparison.Ordinal))
            {
                jobs.Add([]);
                continue;
            }

            if (jobs.Count > 0 && !HostCommands.Any(h => command.StartsWith(h + " ", StringComparison.Ordinal) || command == h))
            {
                jobs[^1].Add(command);
            }
        }

        return jobs.Where(j => j.Count > 0).ToList();
    }

    private static string Strip(string line)
    {
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? line[..semicolon] : line).Trim();
    }
}
