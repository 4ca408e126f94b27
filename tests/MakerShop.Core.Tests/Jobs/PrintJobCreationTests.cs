namespace MakerShop.Core.Tests;

public class PrintJobCreationTests
{
    [Fact]
    public void New_job_is_queued_as_first_attempt_with_lower_case_hash()
    {
        var job = PrintJob.Create(
            "job-1", "ord_1", 0, "prod-1", "PLA", "black", new Size3(10, 10, 10), TimeSpan.FromMinutes(30), "g/1",
            Build.Sha.ToUpperInvariant(), 100, Build.T0.AddDays(2), express: true, maxAttempts: 3, Build.T0);

        Assert.Equal(PrintJobStatus.Queued, job.Status);
        Assert.Equal(1, job.Attempt);
        Assert.Null(job.PrinterId);
        Assert.Null(job.Progress);
        Assert.Equal(Build.Sha, job.GcodeSha256);
        Assert.False(job.IsTerminal);
    }

    public static TheoryData<string, Func<PrintJob>> InvalidJobs => new()
    {
        { "estimatedPrintTime", () => Create(estimate: TimeSpan.Zero) },
        { "maxAttempts", () => Create(maxAttempts: 0) },
        { "gcodeSha256", () => Create(sha: "abc") },
        { "gcodeSha256", () => Create(sha: new string('g', 64)) },
        { "gcodeSizeBytes", () => Create(size: 0) },
        { "partSize", () => Create(part: new Size3(10, 0, 10)) },
        { "material", () => Create(material: "") },
    };

    [Theory]
    [MemberData(nameof(InvalidJobs))]
    public void Invalid_job_is_refused_naming_the_field(string field, Func<PrintJob> create) =>
        Assert.Equal(field, Assert.Throws<DomainValidationException>(create).Field);

    private static PrintJob Create(
        TimeSpan? estimate = null, int maxAttempts = 3, string sha = Build.Sha, long size = 100, Size3? part = null, string material = "PLA") =>
        PrintJob.Create(
            "job-1", "ord_1", 0, "prod-1", material, "black", part ?? new Size3(10, 10, 10), estimate ?? TimeSpan.FromHours(1),
            "g/1", sha, size, Build.T0.AddDays(2), express: false, maxAttempts, Build.T0);
}
