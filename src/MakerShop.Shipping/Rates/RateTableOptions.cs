namespace MakerShop.Shipping.Rates;

#pragma warning disable CA1002, CA2227 // bound from configuration

/// <summary>A carrier's price list: zones of destination countries and weight brackets with a price per zone.</summary>
public sealed class RateTableOptions
{
    public string Carrier { get; set; } = string.Empty;

    public string Service { get; set; } = "standard";

    public string Currency { get; set; } = "EUR";

    /// <summary>Zones in the order they are tried; a zone lists countries, "EU" for the EU customs union, or "*".</summary>
    public List<RateZoneOptions> Zones { get; set; } = [];

    /// <summary>Ascending by <see cref="RateBracketOptions.MaxGrams"/>; a parcel above the last bracket cannot go with this table.</summary>
    public List<RateBracketOptions> Brackets { get; set; } = [];

    public Dictionary<string, int> EstimatedDays { get; set; } = [];
}

public sealed class RateZoneOptions
{
    public string Name { get; set; } = string.Empty;

    public List<string> Countries { get; set; } = [];
}

public sealed class RateBracketOptions
{
    public int MaxGrams { get; set; }

    /// <summary>Zone name to price in the table's currency.</summary>
    public Dictionary<string, decimal> Prices { get; set; } = [];
}
