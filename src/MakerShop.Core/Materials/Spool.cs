using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// One reel of filament in the shop's stock. Grams left only go down through printing (or the owner weighing the reel)
/// and never below zero: a job that used more than the scale said was left empties the spool and reports the shortfall.
/// </summary>
public sealed class Spool
{
    /// <summary>Larger than any reel sold (10 kg), so a typo in kilograms-vs-grams is caught.</summary>
    public const double MaxGrams = 10_000;

    private Spool(string id, string material, string colour, string brand, double gramsAtStart, double gramsLeft,
        string? printerId, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        Material = material;
        Colour = colour;
        Brand = brand;
        GramsAtStart = gramsAtStart;
        GramsLeft = gramsLeft;
        PrinterId = printerId;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }

    public string Material { get; }

    public string Colour { get; }

    public string Brand { get; }

    public double GramsAtStart { get; }

    public double GramsLeft { get; private set; }

    /// <summary>The printer it is loaded on, if any; jobs that printer completes are taken off this spool.</summary>
    public string? PrinterId { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsEmpty => GramsLeft <= 0;

    public static Spool Add(string id, string material, string colour, string brand, double gramsAtStart, string? printerId, DateTimeOffset at)
    {
        Guard.NotBlank(id, "id", "The spool id");
        Guard.NotBlank(material, "material", "The material");
        Guard.NotBlank(colour, "colour", "The colour");
        Guard.NotBlank(brand, "brand", "The brand");
        if (!double.IsFinite(gramsAtStart) || gramsAtStart <= 0 || gramsAtStart > MaxGrams)
        {
            throw new DomainValidationException(
                "gramsAtStart", string.Create(CultureInfo.InvariantCulture, $"A spool holds more than 0 and at most {MaxGrams:0} g of filament (got {gramsAtStart})."));
        }

        return new Spool(id, material.Trim().ToUpperInvariant(), colour.Trim().ToLowerInvariant(), brand.Trim(), gramsAtStart, gramsAtStart,
            string.IsNullOrWhiteSpace(printerId) ? null : printerId.Trim(), at, at);
    }

    public static Spool Restore(string id, string material, string colour, string brand, double gramsAtStart, double gramsLeft,
        string? printerId, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, material, colour, brand, gramsAtStart, gramsLeft, printerId, createdAt, updatedAt);

    /// <summary>Takes a job's filament off the spool; returns what the spool could not cover (0 when it had enough).</summary>
    public double Consume(double grams, DateTimeOffset at)
    {
        if (!double.IsFinite(grams) || grams < 0)
        {
            throw new DomainValidationException("grams", string.Create(CultureInfo.InvariantCulture, $"Filament used must be zero or more grams (got {grams})."));
        }

        var taken = Math.Min(grams, GramsLeft);
        GramsLeft = Math.Round(GramsLeft - taken, 2);
        UpdatedAt = at;
        return grams - taken;
    }

    /// <summary>The owner weighed the reel: what the scale says replaces the running count.</summary>
    public void Weigh(double gramsLeft, DateTimeOffset at)
    {
        if (!double.IsFinite(gramsLeft) || gramsLeft < 0 || gramsLeft > GramsAtStart)
        {
            throw new DomainValidationException(
                "gramsLeft", string.Create(CultureInfo.InvariantCulture, $"Grams left must be between 0 and the {GramsAtStart:0} g the spool started with (got {gramsLeft})."));
        }

        GramsLeft = gramsLeft;
        UpdatedAt = at;
    }

    /// <summary>Loads the spool on a printer, or takes it off (null).</summary>
    public void LoadOn(string? printerId, DateTimeOffset at)
    {
        PrinterId = string.IsNullOrWhiteSpace(printerId) ? null : printerId.Trim();
        UpdatedAt = at;
    }

    /// <summary>Below the owner's threshold: time to order more of this material and colour.</summary>
    public bool IsLow(double thresholdGrams) => GramsLeft < thresholdGrams;
}
