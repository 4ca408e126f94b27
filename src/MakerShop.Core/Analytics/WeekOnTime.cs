namespace MakerShop.Core;

/// <summary>The orders produced in one week (Monday to Sunday, UTC) and how many of them by their ship-by date.</summary>
public sealed record WeekOnTime(DateOnly WeekStart, int Produced, int OnTime)
{
    /// <summary>Null for a week that produced nothing: no rate, rather than a rate of zero.</summary>
    public double? Rate => Produced == 0 ? null : (double)OnTime / Produced;
}
