using CsCheck;

namespace MakerShop.Core.Tests.Analytics;

/// <summary>
/// Utilisation from arbitrary job intervals (overlapping, outside the window, for unknown printers): every share is
/// between 0 and 1, the days add up to the whole, and a printer printing all the time is at 100 %.
/// </summary>
public sealed class PrinterUtilisationProperties
{
    private static readonly DateTimeOffset From = new(2026, 11, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Printers = ["p1", "p2", "p3"];

    private static readonly Gen<PrintingInterval> Intervals = Gen.Select(
        Gen.OneOf<string>("p1", "p2", "p3", "gone"), Gen.Int[-3 * 24 * 60, 33 * 24 * 60], Gen.Int[0, 3 * 24 * 60],
        (printer, startMinute, minutes) => new PrintingInterval(printer, From.AddMinutes(startMinute), From.AddMinutes(startMinute + minutes)));

    // The window ends mid-day, as it does on the page (today counts the hours so far).
    private static readonly Gen<DateTimeOffset> Ends = Gen.Int[1, 30 * 24 * 60].Select(m => From.AddMinutes(m));

    [Fact]
    public void Every_share_is_a_fraction_and_the_days_add_up_to_the_whole() =>
        Gen.Select(Intervals.Array[0, 25], Ends).Sample((intervals, to) =>
        {
            var report = PrinterUtilisation.Measure(intervals, Printers, From, to);
            Assert.NotNull(report.Overall);
            Assert.InRange(report.Overall!.Value, 0, 1);
            Assert.All(report.Days, d => Assert.InRange(d.Share!.Value, 0, 1));
            Assert.All(report.PerPrinter, p => Assert.InRange(p.Share, 0, 1));

            // Printing hours per day, weighted by each day's length, give back the window's printing hours.
            var hoursFromDays = report.Days.Sum(d => d.Share!.Value * DayHours(d.Day, to) * Printers.Length);
            Assert.Equal(report.PrintingHours, hoursFromDays, 6);
            Assert.Equal(report.PrintingHours, report.PerPrinter.Sum(p => p.PrintingHours), 6);
            Assert.True(report.PrintingHours <= (to - From).TotalHours * Printers.Length + 1e-9);
        }, iter: 500, threads: 1);

    [Fact]
    public void Overlapping_attempts_are_counted_once_so_a_printer_never_prints_more_than_the_window() =>
        Gen.Select(Intervals.Array[1, 25], Ends).Sample((intervals, to) =>
        {
            var onOne = intervals.Select(i => i with { PrinterId = "p1" }).ToList();
            var report = PrinterUtilisation.Measure([.. onOne, .. onOne], ["p1"], From, to);
            var single = PrinterUtilisation.Measure(onOne, ["p1"], From, to);
            Assert.Equal(single.PrintingHours, report.PrintingHours, 9);
            Assert.True(report.PrintingHours <= (to - From).TotalHours + 1e-9);
        }, iter: 300, threads: 1);

    [Fact]
    public void A_printer_printing_the_whole_window_and_beyond_is_fully_used_and_an_idle_one_not_at_all()
    {
        var to = From.AddDays(29).AddHours(13);
        var report = PrinterUtilisation.Measure(
            [new PrintingInterval("p1", From.AddDays(-2), to.AddDays(1))], ["p1", "p2"], From, to);
        Assert.Equal(0.5, report.Overall!.Value, 9);
        Assert.Equal(1, report.PerPrinter.Single(p => p.PrinterId == "p1").Share, 9);
        Assert.Equal(0, report.PerPrinter.Single(p => p.PrinterId == "p2").Share);
        Assert.Equal(30, report.Days.Count);
        Assert.All(report.Days, d => Assert.Equal(0.5, d.Share!.Value, 9));
    }

    [Fact]
    public void Without_printers_there_is_no_rate_rather_than_a_rate_of_zero()
    {
        var report = PrinterUtilisation.Measure([new PrintingInterval("gone", From, From.AddHours(3))], [], From, From.AddDays(2));
        Assert.Null(report.Overall);
        Assert.All(report.Days, d => Assert.Null(d.Share));
        Assert.Equal(0, report.PrintingHours);
    }

    private static double DayHours(DateOnly day, DateTimeOffset to)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1) < to ? start.AddDays(1) : to;
        return (end - (start < From ? From : start)).TotalHours;
    }
}
