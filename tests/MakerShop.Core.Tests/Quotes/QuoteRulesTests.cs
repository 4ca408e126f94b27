using MakerShop.Core.Quotes;

namespace MakerShop.Core.Tests.Quotes;

public sealed class QuoteRulesTests
{
    private static readonly ModelFacts Clean = new(12, 1000, 600, new Size3(10, 10, 10), 1, 0, 0, 0, 0);

    [Fact]
    public void A_clean_part_that_fits_has_no_warnings() => Assert.Empty(QuoteWarnings.For(Clean, fitsAnyPrinter: true, thinBelowMm: 1));

    [Fact]
    public void Open_inverted_thin_and_oversized_parts_are_each_named()
    {
        var bad = Clean with { OpenEdges = 6, VolumeMm3 = -1000, Size = new Size3(400, 0.4, 10), InconsistentEdges = 3, NonManifoldEdges = 1, DegenerateTriangles = 2 };

        var codes = QuoteWarnings.For(bad, fitsAnyPrinter: false, thinBelowMm: 1).Select(w => w.Code).ToList();

        Assert.Equal(["open-mesh", "non-manifold", "inconsistent-orientation", "inverted-normals", "degenerate-triangles", "thin-part", "too-large"], codes);
    }

    [Fact]
    public void The_ship_date_spreads_the_queue_over_the_printers_then_adds_printing_and_handling()
    {
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        // 48 h of queue over 2 printers = 24 h, + 2 h printing = 28 Nov 12:00 -> ships 29 Nov + 1 handling day.
        var date = ShipDateEstimator.Estimate(now, new QueueLoad(TimeSpan.FromHours(48), 2), TimeSpan.FromHours(2), handlingDays: 1);

        Assert.Equal(new DateOnly(2026, 11, 30), date);
    }

    [Fact]
    public void An_empty_queue_ships_after_printing_and_handling()
    {
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 28), ShipDateEstimator.Estimate(now, new QueueLoad(TimeSpan.Zero, 4), TimeSpan.FromHours(1), handlingDays: 0));
    }

    [Fact]
    public void A_slice_with_no_print_time_is_refused() =>
        Assert.Throws<DomainValidationException>(() => SliceFacts.Create(TimeSpan.Zero, 1, 1, 1));
}
