using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// An event as the relay wrote it: its public id and type, the subjects it concerns (for who may hear of it), the words
/// people read, and the JSON <c>data</c> an integrator receives.
/// </summary>
public sealed record ShopEventRecord(
    string EventId, ShopEventType Type, string? OrderId, string? PrinterId, string? JobId, string? MakerId,
    string SubjectLabel, string? Detail, bool DuringPrint, string DataJson, DateTimeOffset OccurredAt);
