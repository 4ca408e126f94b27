namespace MakerShop.Storage.Stores;

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Detail, string? JobId, string? PrinterId);
