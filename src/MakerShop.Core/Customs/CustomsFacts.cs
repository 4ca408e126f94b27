namespace MakerShop.Core;

/// <summary>The dated customs and import-tax facts the declaration rules rely on; sources in fulfilment.md.</summary>
public static class CustomsFacts
{
    /// <summary>EU IOSS: VAT charged at checkout on imported consignments of intrinsic value up to EUR 150.</summary>
    public static readonly DatedRule EuIoss = new("EU IOSS, consignments up to EUR 150", new DateOnly(2021, 7, 1), null, "fulfilment.md §3.1 (AEAT manual)");

    public const decimal EuIossCeilingEur = 150m;

    /// <summary>EU interim flat customs duty of EUR 3 per tariff subheading on low-value parcels (Council, 11 Feb 2026; secondary).</summary>
    public static readonly DatedRule EuFlatDuty = new("EU flat duty EUR 3 per tariff line under EUR 150", new DateOnly(2026, 7, 1), new DateOnly(2028, 7, 1), "fulfilment.md §3.1 [secondary]");

    public const decimal EuFlatDutyPerLineEur = 3m;

    /// <summary>UK: VAT charged at the point of sale on consignments up to GBP 135 sent to Great Britain.</summary>
    public static readonly DatedRule UkVatAtSale = new("UK VAT at sale, consignments up to GBP 135", new DateOnly(2021, 1, 1), null, "fulfilment.md §3.2 (gov.uk)");

    public const decimal UkVatAtSaleCeilingGbp = 135m;

    /// <summary>US: duty-free de minimis suspended for every country by EO 14324; still suspended after Feb 2026.</summary>
    public static readonly DatedRule UsDeMinimisSuspended = new("US de minimis suspended: duty due on every parcel", new DateOnly(2025, 8, 29), null, "fulfilment.md §3.3 [secondary]");

    /// <summary>UPU: CN 22 only for letter-post items (about 2 kg at most) worth up to 300 SDR; CN 23 otherwise.</summary>
    public const double Cn22MaxGrams = 2000;
}
