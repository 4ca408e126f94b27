using System.ComponentModel.DataAnnotations;
using MakerShop.Core;

namespace MakerShop.Web.Options;

/// <summary>The owner's scheduling rules and the shipping figures the scheduler weighs; bound from <c>MakerShop:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "MakerShop:Scheduling";

    /// <summary>ShipOnTime (deadlines, geography, swaps, fairness) or Fifo (oldest job to the first free printer).</summary>
    public SchedulingPolicyKind Policy { get; set; } = SchedulingPolicyKind.ShipOnTime;

    /// <summary>Whether a job may go to a printer loaded with another filament, the maker swapping the spool first.</summary>
    public bool AllowSwaps { get; set; }

    [Range(0, 240)]
    public int SwapMinutes { get; set; } = 15;

    /// <summary>A job with more slack than this waits for a printer that needs no customs declaration, when the fleet has one.</summary>
    [Range(0, 24 * 30)]
    public int CrossBorderSlackHours { get; set; } = 36;

    /// <summary>A job with more slack than this waits for a printer with its filament loaded, when any printer has it.</summary>
    [Range(0, 24 * 30)]
    public int SwapSlackHours { get; set; } = 12;

    /// <summary>
    /// The longest a queued job holds out for a closer printer or one with its filament loaded while another printer
    /// that could print it is idle; after that it takes any suitable printer.
    /// </summary>
    [Range(0, 24 * 60 * 7)]
    public int MaxHoldOutMinutes { get; set; } = 720;

    /// <summary>Parcel cost in minor units of the shop's currency, by how far it travels (until the zone tables are wired in).</summary>
    [Range(0, 1_000_000)]
    public long DomesticShippingMinor { get; set; } = 590;

    [Range(0, 1_000_000)]
    public long SameTerritoryShippingMinor { get; set; } = 990;

    [Range(0, 1_000_000)]
    public long CrossBorderShippingMinor { get; set; } = 2490;

    public SchedulingSettings ToSettings() =>
        new(AllowSwaps, TimeSpan.FromMinutes(SwapMinutes), TimeSpan.FromHours(CrossBorderSlackHours), TimeSpan.FromHours(SwapSlackHours))
        {
            MaxHoldOut = TimeSpan.FromMinutes(MaxHoldOutMinutes),
        };

    public IShippingEstimates ToShippingEstimates() => new ProximityShippingEstimates(
        new ShippingEstimate(DomesticShippingMinor, 2, ShippingProximity.Domestic),
        new ShippingEstimate(SameTerritoryShippingMinor, 4, ShippingProximity.SameCustomsTerritory),
        new ShippingEstimate(CrossBorderShippingMinor, 7, ShippingProximity.CrossBorder));
}
