namespace MakerShop.Web.Makers;

/// <summary>A printer's temperature samples between two times, oldest first.</summary>
public sealed record TemperatureHistoryResponse(string PrinterId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TemperaturePoint> Samples);
